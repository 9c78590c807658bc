import { guardRoute } from '@/lib/auth/route-guard';
import { log } from '@/lib/log';
import { writeUpload } from '@/lib/use-cases/write-upload';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/data/import/<id>/write` with `{"confirmName"}`: writes the upload and streams one
 * JSON line per answered batch (`{"type":"progress","sent","refused","total"}`), then
 * `{"type":"done","report":…}` or `{"type":"error","error":…}`.
 */
export const POST = guardRoute('change', async (req, { actor }) => {
  const id = new URL(req.url).pathname.split('/').at(-2) ?? '';
  const body: unknown = await req.json().catch(() => null);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
      const result = await writeUpload(id, body, actor, (p) => send({ type: 'progress', ...p }));
      if (!result.ok) {
        log.info('import: not written', { error: result.error.message });
        send({ type: 'error', error: result.error });
      } else send({ type: 'done', report: result.data });
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
});
