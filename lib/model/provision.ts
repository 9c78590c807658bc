import type { BackupRef } from './backup-first';
import type { ConsoleError } from './error';
import type { TokenAction } from './token';

/** A provisioning plan and its result as the browser and the CLI read them (lib/provision plans and applies). */
export interface BucketSettings {
  retentionSeconds: number;
  retention: string;
  description: string;
  /** In `to` only when the spec declares one; in `from` when InfluxDB reports one. */
  shardGroupDurationSeconds?: number;
  shardGroupDuration?: string;
}

export type StepAction = 'create' | 'update' | 'noop';

export type Change = 'retention' | 'description' | 'shardGroupDuration';

export interface PlanStep {
  bucket: string;
  action: StepAction;
  /** Shortens retention: data older than the new retention will expire. Needs a confirmation naming the bucket. */
  destructive: boolean;
  changes: Change[];
  /** The bucket as it is (update, noop). */
  from?: BucketSettings;
  /** The bucket as the spec wants it. */
  to: BucketSettings;
  bucketID?: string;
  summary: string;
  /** Why this step is never applied: InfluxDB would refuse it (or silently do something else). Checked before any call. */
  refused?: string;
}

export interface PlanNote {
  bucket: string;
  message: string;
}

export interface Plan {
  spec: string;
  org: string;
  orgID: string | null;
  steps: PlanStep[];
  /** Reported, never acted on: for example a bucket of the same name in another organization. */
  notes: PlanNote[];
  /** Why nothing can be applied (the organization is missing). */
  blocker?: string;
  /** The spec's tokens, planned only when asked (`provision --tokens`): listing tokens needs read on authorizations. */
  tokens?: TokenStep[];
}

export type StepStatus = 'done' | 'noop' | 'skipped' | 'failed';

export interface StepResult extends PlanStep {
  status: StepStatus;
  message: string;
  error?: ConsoleError;
  /** The backup of the bucket taken before a destructive step changed it. */
  backup?: BackupRef;
}

export interface ApplyResult {
  plan: Plan;
  /** True when every step that had something to do was done. */
  applied: boolean;
  steps: StepResult[];
  /** The spec's tokens, when asked: each new one with its secret, this once. */
  tokens?: TokenStepResult[];
}

/** One permission a spec token needs, by bucket name. */
export interface TokenGrant {
  bucket: string;
  action: TokenAction;
}

export interface TokenStep {
  description: string;
  action: 'create' | 'noop';
  grants: TokenGrant[];
  /** The existing token that matches (noop). */
  tokenID?: string;
  summary: string;
}

export type TokenStepStatus = 'done' | 'noop' | 'skipped' | 'failed';

export interface TokenStepResult extends TokenStep {
  status: TokenStepStatus;
  message: string;
  /** A new token's secret: in the apply result this once, never audited, logged or stored. */
  secret?: string;
}
