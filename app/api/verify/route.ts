import { guardRoute } from '@/lib/auth/route-guard';
import { influxEnv } from '@/lib/env';
import { consoleError } from '@/lib/influx/errors';
import { resultResponse } from '@/lib/influx/http-status';
import { fail } from '@/lib/result';
import { activeSpec } from '@/lib/spec/load';
import { runChecks } from '@/lib/verify/run';
import { verify } from '@/lib/verify/verify';

export const dynamic = 'force-dynamic';

/**
 * Runs the checks (POST: the write probe writes and deletes a point) and streams one JSON
 * line per check as it completes, then `{"type":"done","report":…}`. `?only=ID` reruns one check.
 * A change (probe points, the saved last report): admin only; a viewer gets 403 and reads `/api/verify/last`.
 */
export const POST = guardRoute('change', async (req, { actor }) => {
  const spec = activeSpec();
  if (!spec.ok) return resultResponse(fail(spec.error));
  const env = influxEnv();
  if (!env.ok) return resultResponse(fail(env.error));
  const only = new URL(req.url).searchParams.get('only');
  if (only !== null && (only.length > 300 || !/^[\w:.-]+$/.test(only))) return resultResponse(fail(consoleError('invalid', 'Unknown check id.')));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
      try {
        if (only) {
          for await (const result of runChecks(spec.data, { only, actor })) send({ type: 'check', result });
          send({ type: 'done' });
        } else {
          const report = await verify(spec.data, (result) => send({ type: 'check', result }), undefined, actor);
          send({ type: 'done', report });
        }
      } catch {
        send({ type: 'error', error: consoleError('internal', 'The checks stopped unexpectedly.') });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
});
