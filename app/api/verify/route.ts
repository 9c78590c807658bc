import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { unknownCheck } from '@/lib/messages';
import { fail } from '@/lib/result';
import { checkRunProblem } from '@/lib/use-cases/check-run-problem';
import { runChecks } from '@/lib/use-cases/run-checks';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * Runs the checks (POST: the write probe writes and deletes a point) and streams one JSON
 * line per check as it completes, then `{"type":"done","report":…}`. `?only=ID` reruns one check.
 * A change (probe points, the saved last report): admin only; a viewer gets 403 and reads `/api/verify/last`.
 */
export const POST = guardRoute('change', async (req, { actor }) => {
  const only = new URL(req.url).searchParams.get('only');
  if (only !== null && (only.length > 300 || !/^[\w:.-]+$/.test(only))) return resultResponse(fail(unknownCheck(only)));
  const problem = await checkRunProblem(only ?? undefined);
  if (!problem.ok) return resultResponse(problem);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
      const result = await runChecks(actor, { only: only ?? undefined, onResult: (r) => send({ type: 'check', result: r }) });
      if (!result.ok) {
        log.error('verify: the checks stopped', { error: result.error.message });
        send({ type: 'error', error: result.error });
      } else send(result.data ? { type: 'done', report: result.data } : { type: 'done' });
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
});
