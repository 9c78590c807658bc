import 'server-only';
import type { AuditInput } from '../audit/log';
import type { Connection } from '../influx/client';
import { toConsoleError } from '../influx/errors';
import type { ConsoleSpec } from '../spec/schema';
import { buildSuite } from './suite';
import type { Check, CheckResult, VerifyContext } from './types';

/** The checks `only` needs: itself and, transitively, what it depends on, in suite order. */
function withPrerequisites(suite: Check[], only: string): Check[] {
  const byId = new Map(suite.map((c) => [c.id, c]));
  const needed = new Set<string>();
  const visit = (id: string) => {
    if (needed.has(id)) return;
    needed.add(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep);
  };
  visit(only);
  return suite.filter((c) => needed.has(c.id));
}

/** The bucket a check is about (`bucket-write:<bucket>`), or '' for the server-wide checks. */
const subjectOf = (check: Check) => (check.id.includes(':') ? check.id.slice(check.id.indexOf(':') + 1) : '');

/**
 * Runs the suite and yields each result in suite order. A check whose prerequisite failed or was
 * skipped is skipped. The server-wide checks run first; then each bucket's checks run in order
 * (the write probe, the counts and the insights of one bucket must not overlap), the buckets side
 * by side. With `only`, prerequisites run silently and only that check is yielded.
 */
export async function* runChecks(
  spec: ConsoleSpec,
  opts: { only?: string; conn: Connection; record?: (entry: AuditInput) => void; now?: () => number },
): AsyncGenerator<CheckResult> {
  const conn = opts.conn;
  const suite = buildSuite(spec);
  const checks = opts.only ? withPrerequisites(suite, opts.only) : suite;
  if (opts.only && checks.length === 0) return;
  const ctx: VerifyContext = {
    spec,
    conn,
    record: opts.record ?? (() => {}),
    buckets: new Map(),
    measurements: new Map(),
    counts: new Map(),
    ...(opts.now ? { now: opts.now } : {}),
  };
  const results = new Map<string, CheckResult>();
  const runOne = async (check: Check): Promise<CheckResult> => {
    const started = performance.now();
    const blocker = check.dependsOn.map((id) => results.get(id)).find((r) => r && (r.status === 'fail' || r.status === 'skipped'));
    let result: CheckResult;
    if (blocker) {
      result = { id: check.id, title: check.title, status: 'skipped', detail: `Skipped: "${blocker.title}" did not pass.`, fix: blocker.fix, durationMs: 0 };
    } else {
      try {
        const outcome = await check.run(ctx);
        result = { id: check.id, title: check.title, ...outcome, durationMs: Math.round(performance.now() - started) };
      } catch (e) {
        const error = toConsoleError(e);
        result = {
          id: check.id,
          title: check.title,
          status: 'fail',
          detail: error.message,
          fix: error.fix,
          durationMs: Math.round(performance.now() - started),
        };
      }
    }
    results.set(check.id, result);
    return result;
  };
  const groups = new Map<string, Check[]>();
  for (const check of checks) groups.set(subjectOf(check), [...(groups.get(subjectOf(check)) ?? []), check]);
  const settled = new Map<string, Promise<CheckResult>>();
  const inOrder = (group: readonly Check[], after: Promise<unknown>) =>
    group.reduce<Promise<unknown>>((prev, check) => {
      const run = prev.then(() => runOne(check));
      settled.set(check.id, run);
      return run;
    }, after);
  const serverWide = inOrder(groups.get('') ?? [], Promise.resolve());
  for (const [subject, group] of groups) if (subject !== '') void inOrder(group, serverWide);
  for (const check of checks) {
    const result = await settled.get(check.id);
    if (result && (!opts.only || check.id === opts.only)) yield result;
  }
}

/** Whether `id` names a check of the spec's suite. */
export function isCheckId(spec: ConsoleSpec, id: string): boolean {
  return buildSuite(spec).some((c) => c.id === id);
}

/** The ids and titles of the suite, for showing pending checks before they run. */
export function suiteOutline(spec: ConsoleSpec): { id: string; title: string }[] {
  return buildSuite(spec).map((c) => ({ id: c.id, title: c.title }));
}
