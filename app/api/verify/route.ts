import { cookies } from 'next/headers';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { sessionFromCookie } from '@/lib/auth/guard';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { crossSite } from '@/lib/messages';
import { fail } from '@/lib/result';
import { checkRunProblem, runChecks } from '@/lib/use-cases/run-checks';

export const dynamic = 'force-dynamic';

/**
 * Runs the checks (POST: the write probe writes and deletes a point) and streams one JSON
 * line per check as it completes, then `{"type":"done","report":…}`. `?only=ID` reruns one check.
 */
export async function POST(req: Request) {
  if (!isSameOrigin(req)) return resultResponse(fail(crossSite()));
  const only = new URL(req.url).searchParams.get('only');
  if (only !== null && (only.length > 300 || !/^[\w:.-]+$/.test(only))) return resultResponse(fail(consoleError('invalid', 'Unknown check id.', 'Use a check id from the Verify screen or `cli verify --json`.')));
  const problem = await checkRunProblem(only ?? undefined);
  if (!problem.ok) return resultResponse(problem);
  const session = sessionFromCookie((await cookies()).get(SESSION_COOKIE)?.value);
  const actor = session ? { role: session.role } : CLI_ACTOR;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
      const result = await runChecks(actor, { only: only ?? undefined, onResult: (r) => send({ type: 'check', result: r }) });
      if (!result.ok) {
        console.error('verify: the checks stopped:', result.error.message);
        send({ type: 'error', error: result.error });
      } else send(result.data ? { type: 'done', report: result.data } : { type: 'done' });
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}
