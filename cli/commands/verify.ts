import { parseArgs } from 'node:util';
import { influxEnv } from '../../lib/env';
import { connection } from '../../lib/influx/client';
import { activeSpec } from '../../lib/spec/load';
import { summaryLine } from '../../lib/verify/report';
import type { CheckResult } from '../../lib/verify/types';
import { verify } from '../../lib/verify/verify';
import { EXIT, printError, printJson } from '../output';

const LABEL: Record<CheckResult['status'], string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const spec = activeSpec();
  const env = influxEnv();
  const problem = !spec.ok ? spec.error : !env.ok ? env.error : null;
  if (problem || !spec.ok || !env.ok) {
    if (values.json) printJson({ ok: false, checks: [], error: problem });
    else if (problem) printError(problem);
    return EXIT.failed;
  }
  const print = (r: CheckResult) => {
    process.stdout.write(`${LABEL[r.status]}  ${r.title}: ${r.detail}\n`);
    if ((r.status === 'fail' || r.status === 'warn') && r.fix) process.stdout.write(`      fix: ${r.fix}\n`);
  };
  const report = await verify(spec.data, values.json ? () => {} : print, connection(env.data));
  if (values.json) printJson({ ok: report.ok, checks: report.checks.map((c) => ({ id: c.id, title: c.title, status: c.status, detail: c.detail, fix: c.fix })) });
  else process.stdout.write(`\n${summaryLine(report.checks)} (${report.durationMs} ms)\n`);
  return report.ok ? EXIT.ok : EXIT.failed;
}
