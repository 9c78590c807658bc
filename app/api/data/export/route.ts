import { PassThrough, Readable } from 'node:stream';
import { guardRoute } from '@/lib/auth/route-guard';
import { exportFileName } from '@/lib/model/export-options';
import { resultResponse } from '@/lib/http-status';
import { planExport } from '@/lib/use-cases/plan-export';
import { runExport } from '@/lib/use-cases/run-export';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/data/export?bucket=<id>&measurement=…&start=…&stop=…`: the rows as a gzipped
 * line-protocol download, streamed as InfluxDB answers (constant memory at any size). Any signed-in
 * role: an export changes nothing, and a viewer may read every point anyway. A closed tab stops the
 * query; the export is audit-logged with who asked for it.
 */
export const GET = guardRoute('read', async (req, { actor }) => {
  const params = new URL(req.url).searchParams;
  const plan = await planExport({
    bucketId: params.get('bucket') ?? '',
    measurements: params.getAll('measurement'),
    start: params.get('start') ?? undefined,
    stop: params.get('stop') ?? undefined,
  });
  if (!plan.ok) return resultResponse(plan);
  const body = new PassThrough();
  // The result is audit-logged by runExport; a failure mid-way breaks the download, which the browser shows.
  void runExport(plan.data, actor, body, { signal: req.signal });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'application/gzip',
      'Content-Disposition': `attachment; filename="${exportFileName(plan.data.bucket.name)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
