import type { ConsoleError } from '../errors';
import { orgMissing } from '../messages';
import type { ConsoleSpec, BucketSpec } from '../spec/schema';
import { formatRetention, shortensRetention } from '../model/retention';

/** What the plan needs to know of a bucket that exists. */
export interface BucketState {
  id: string;
  orgID: string;
  name: string;
  retentionSeconds: number;
  description: string;
}

export interface BucketSettings {
  retentionSeconds: number;
  retention: string;
  description: string;
}

export type StepAction = 'create' | 'update' | 'noop';
export type Change = 'retention' | 'description';

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
}

export function settings(retentionSeconds: number, description: string): BucketSettings {
  return { retentionSeconds, retention: formatRetention(retentionSeconds), description };
}

/** One bucket of the spec against what exists of it in the target organization. */
export function planBucket(spec: BucketSpec, current: BucketState | undefined): PlanStep {
  const to = settings(spec.retention, spec.description);
  if (!current) {
    return { bucket: spec.name, action: 'create', destructive: false, changes: [], to, summary: `create with retention ${to.retention}` };
  }
  const from = settings(current.retentionSeconds, current.description);
  const changes: Change[] = [];
  if (from.retentionSeconds !== to.retentionSeconds) changes.push('retention');
  if (from.description !== to.description) changes.push('description');
  if (changes.length === 0) {
    return { bucket: spec.name, action: 'noop', destructive: false, changes, from, to, bucketID: current.id, summary: 'matches the spec' };
  }
  const destructive = changes.includes('retention') && shortensRetention(from.retentionSeconds, to.retentionSeconds);
  const parts: string[] = [];
  if (changes.includes('retention')) parts.push(`retention ${from.retention} → ${to.retention}`);
  if (changes.includes('description')) parts.push(`description "${from.description}" → "${to.description}"`);
  const warning = destructive ? ` (data older than ${to.retention} will expire)` : '';
  return { bucket: spec.name, action: 'update', destructive, changes, from, to, bucketID: current.id, summary: parts.join('; ') + warning };
}

/**
 * The steps that bring the organization to the spec. Pure: it reads only its arguments.
 * `buckets` may hold buckets of every organization the token sees; those of other
 * organizations are reported in notes and never touched. Provisioning never deletes.
 */
export function plan(spec: ConsoleSpec, actual: { orgID: string | null; buckets: readonly BucketState[] }): Plan {
  const { orgID } = actual;
  const notes: PlanNote[] = [];
  const steps = spec.buckets.map((b) => {
    const mine = orgID ? actual.buckets.find((x) => x.orgID === orgID && x.name === b.name) : undefined;
    const elsewhere = actual.buckets.filter((x) => x.orgID !== orgID && x.name === b.name);
    if (elsewhere.length > 0) {
      notes.push({
        bucket: b.name,
        message: `A bucket named "${b.name}" also exists in ${elsewhere.length === 1 ? 'another organization' : `${elsewhere.length} other organizations`} (org ID ${elsewhere.map((x) => x.orgID).join(', ')}); it is left untouched.`,
      });
    }
    return planBucket(b, mine);
  });
  const result: Plan = { spec: spec.name, org: spec.org, orgID, steps, notes };
  if (!orgID) {
    const missing = orgMissing(spec.org);
    result.blocker = `${missing.message} ${missing.fix}`;
  }
  return result;
}

export function hasDestructive(p: Plan): boolean {
  return p.steps.some((s) => s.destructive);
}

export type StepStatus = 'done' | 'noop' | 'skipped' | 'failed';

export interface StepResult extends PlanStep {
  status: StepStatus;
  message: string;
  error?: ConsoleError;
}

export interface ApplyResult {
  plan: Plan;
  /** True when every step that had something to do was done. */
  applied: boolean;
  steps: StepResult[];
}
