import 'server-only';
import type { Actor } from '../auth/actor';
import { connection, type Connection } from '../influx/client';
import type { ConsoleSpec } from '../spec/schema';
import { saveLastReport } from './last-report';
import { summarize } from './report';
import { runChecks } from './run';
import type { CheckResult, VerifyReport } from './types';

/** Runs the whole suite, reporting each result as it completes, and keeps the report. */
export async function verify(spec: ConsoleSpec, onResult: (r: CheckResult) => void = () => {}, conn: Connection = connection(), actor?: Actor): Promise<VerifyReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const checks: CheckResult[] = [];
  for await (const result of runChecks(spec, { conn, actor })) {
    checks.push(result);
    onResult(result);
  }
  const { ok, counts } = summarize(checks);
  const report: VerifyReport = { spec: spec.name, url: conn.env.url, org: spec.org, startedAt, durationMs: Math.round(performance.now() - started), ok, counts, checks };
  saveLastReport(report);
  return report;
}
