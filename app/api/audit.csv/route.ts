import { guardRoute } from '@/lib/auth/route-guard';
import { eachAudit } from '@/lib/audit/log';
import { csvFileName, csvRow } from '@/lib/model/csv';
import { formatUtcCell } from '@/lib/model/format';
import { auditQuery, readQuery } from '@/lib/model/url-state';

export const dynamic = 'force-dynamic';

const HEADER = ['time_utc', 'role', 'action', 'bucket', 'before', 'after', 'result', 'message'];

/**
 * `GET /api/audit.csv?action=…&role=…&bucket=…`: every change matching the Audit screen's filters
 * (all of them, not the page shown), as RFC 4180 CSV with formula-looking cells disarmed. Any
 * signed-in role: the viewer reads the same rows on the screen. The audit log holds no secret (the
 * changes record names, retentions and token descriptions, never a token's value).
 */
export const GET = guardRoute('read', (req) => {
  const q = readQuery(auditQuery, new URL(req.url).searchParams);
  const rows = eachAudit({ action: q.action || undefined, role: q.role || undefined, bucket: q.bucket || undefined });
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = headerSent ? '' : csvRow(HEADER);
      headerSent = true;
      for (let i = 0; i < 200; i++) {
        const next = rows.next();
        if (next.done) {
          controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        const e = next.value;
        chunk += csvRow([
          formatUtcCell(e.ts),
          e.role,
          e.action,
          e.bucket ?? '',
          e.before === null ? '' : JSON.stringify(e.before),
          e.after === null ? '' : JSON.stringify(e.after),
          e.result,
          e.message,
        ]);
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName('audit')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
