import 'server-only';
import type { AuditInput } from '../audit/log';
import type { Connection } from '../influx/client';
import type { ConsoleSpec } from '../spec/schema';
import { summarize } from '../model/verify-report';
import { runChecks } from './run';
import type { CheckResult, VerifyReport } from './types';

/** Runs the whole suite, reporting each result as it completes. */
export async function verify(
  spec: ConsoleSpec,
  onResult: (r: CheckResult) => void = () => {},
  conn: Connection,
  record?: (entry: AuditInput) => void,
): Promise<VerifyReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const checks: CheckResult[] = [];
  for await (const result of runChecks(spec, { conn, record })) {
    checks.push(result);
    onResult(result);
  }
  const { ok, counts } = summarize(checks);
  return { spec: spec.name, url: conn.env.url, org: spec.org, startedAt, durationMs: Math.round(performance.now() - started), ok, counts, checks };
}
