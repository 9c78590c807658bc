import type { Finding } from './insights';

/** The verify report as the browser and the CLI read it (lib/verify runs the checks). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** One line of the report: what was checked, how it went, and what to do about it. */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fix: string;
  durationMs: number;
  /** The findings behind `detail`, for a screen to group by kind instead of printing one paragraph. */
  grouped?: GroupedDetail;
}

/** `detail` in parts: a short lead, a sentence per pipeline gate, and the findings. */
export interface GroupedDetail {
  lead: string;
  notes: string[];
  findings: Finding[];
}

export type CheckOutcome = Pick<CheckResult, 'status' | 'detail' | 'fix' | 'grouped'>;

export interface VerifyReport {
  spec: string;
  url: string;
  org: string;
  startedAt: string;
  durationMs: number;
  ok: boolean;
  counts: Record<CheckStatus, number>;
  checks: CheckResult[];
}
