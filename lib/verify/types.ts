import type { AuditInput } from '../audit/log';
import type { BucketInfo } from '../influx/buckets';
import type { Connection } from '../influx/client';
import { ConsoleFailure } from '../errors';
import type { ConnectionStatus } from '../influx/diagnose';
import { bucketMissing } from '../messages';
import type { ConsoleSpec } from '../spec/schema';
import type { MeasurementCount } from '../model/stats';
import type { CheckOutcome } from '../model/verify';

export type { CheckOutcome, CheckResult, CheckStatus, GroupedDetail, VerifyReport } from '../model/verify';

/** Facts a check learns for the checks after it. */
export interface VerifyContext {
  spec: ConsoleSpec;
  conn: Connection;
  /** Records what a check changed (the write probe) in the audit log. */
  record(entry: AuditInput): void;
  /** The connection diagnosis, from the first check. */
  connection?: ConnectionStatus;
  buckets: Map<string, BucketInfo>;
  measurements: Map<string, string[]>;
  counts: Map<string, Map<string, MeasurementCount>>;
  /** The clock the checks judge time by (tests inject one); absent: Date.now. */
  now?: () => number;
}

export interface Check {
  id: string;
  title: string;
  /** Ids of checks that must pass (or warn) first; otherwise this one is skipped. */
  dependsOn: string[];
  run(ctx: VerifyContext): Promise<CheckOutcome>;
}

/** The connection diagnosis the first check made, or the error that stopped it, thrown for the runner to report. */
export function diagnosis(ctx: VerifyContext, done: (s: ConnectionStatus) => boolean, what: string): ConnectionStatus {
  const status = ctx.connection;
  if (status && done(status)) return status;
  throw new ConsoleFailure(status?.error ?? { code: 'internal', message: `The connection was not diagnosed (${what}).`, fix: 'Rerun the checks.' });
}

export function pass(detail: string): CheckOutcome {
  return { status: 'pass', detail, fix: '' };
}
export function warn(detail: string, fix: string): CheckOutcome {
  return { status: 'warn', detail, fix };
}
export function failed(detail: string, fix: string): CheckOutcome {
  return { status: 'fail', detail, fix };
}

/** The bucket an earlier check found (`bucket-read` is every data check's prerequisite). */
export function checkedBucket(ctx: VerifyContext, name: string): BucketInfo {
  const bucket = ctx.buckets.get(name);
  if (!bucket) throw new ConsoleFailure(bucketMissing(name));
  return bucket;
}
