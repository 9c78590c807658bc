import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { runChecks } from '../../lib/use-cases/run-checks';
import { summaryLine } from '../../lib/model/verify-report';
import type { CheckResult } from '../../lib/verify/types';
import { EXIT, printError, printJson } from '../output';

const LABEL: Record<CheckResult['status'], string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const print = (r: CheckResult) => {
    process.stdout.write(`${LABEL[r.status]}  ${r.title}: ${r.detail}\n`);
    if ((r.status === 'fail' || r.status === 'warn') && r.fix) process.stdout.write(`      fix: ${r.fix}\n`);
  };
  const result = await runChecks(CLI_ACTOR, { onResult: values.json ? () => {} : print, waitForAlerts: true });
  if (!result.ok || !result.data) {
    const error = result.ok ? { code: 'internal' as const, message: 'The checks returned no report.', fix: 'Rerun the checks.' } : result.error;
    if (values.json) printJson({ ok: false, checks: [], error });
    else printError(error);
    return EXIT.failed;
  }
  const report = result.data;
  if (values.json)
    printJson({ ok: report.ok, checks: report.checks.map((c) => ({ id: c.id, title: c.title, status: c.status, detail: c.detail, fix: c.fix })) });
  else process.stdout.write(`\n${summaryLine(report.checks)} (${report.durationMs} ms)\n`);
  return report.ok ? EXIT.ok : EXIT.failed;
}
