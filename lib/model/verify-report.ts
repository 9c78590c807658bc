import type { CheckResult, CheckStatus, VerifyReport } from './verify';

export function summarize(checks: readonly CheckResult[]): { ok: boolean; counts: Record<CheckStatus, number> } {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of checks) counts[c.status]++;
  return { ok: counts.fail === 0, counts };
}

export function summaryLine(checks: readonly CheckResult[]): string {
  const { ok, counts } = summarize(checks);
  const parts = [`${counts.pass} passed`, `${counts.warn} warnings`, `${counts.fail} failed`, `${counts.skipped} skipped`];
  return `${ok ? 'Ready' : 'Not ready'}: ${parts.join(', ')} of ${checks.length} checks.`;
}

const ICON: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function toMarkdown(report: VerifyReport): string {
  const lines = [
    `# Verification of the ${report.spec} buckets`,
    '',
    `- Server: ${report.url}, org ${report.org}`,
    `- Run: ${report.startedAt}, ${report.durationMs} ms`,
    `- ${summaryLine(report.checks)}`,
    '',
    '| Status | Check | Detail | Fix |',
    '| --- | --- | --- | --- |',
    ...report.checks.map((c) => `| ${ICON[c.status]} | ${cell(c.title)} | ${cell(c.detail)} | ${cell(c.fix)} |`),
    '',
  ];
  return lines.join('\n');
}
