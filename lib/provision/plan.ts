import { orgMissing } from '../messages';
import type { ConsoleSpec, BucketSpec } from '../spec/schema';
import type { BucketSettings, Change, Plan, PlanNote, PlanStep } from '../model/provision';
import { formatRetention, shortensRetention } from '../model/retention';
import { MIN_SHARD_GROUP_SECONDS, retentionBelowShardGroups, shardGroupConflict, shardGroupEffect } from '../model/shard-group';

export type { ApplyResult, BucketSettings, Change, Plan, PlanNote, PlanStep, StepAction, StepResult, StepStatus } from '../model/provision';

/** What the plan needs to know of a bucket that exists. */
export interface BucketState {
  id: string;
  orgID: string;
  name: string;
  retentionSeconds: number;
  description: string;
  /** As InfluxDB reports it; 0 or absent when unknown. */
  shardGroupDurationSeconds?: number;
}

export function settings(retentionSeconds: number, description: string, shardGroupDurationSeconds?: number): BucketSettings {
  const base = { retentionSeconds, retention: formatRetention(retentionSeconds), description };
  return shardGroupDurationSeconds ? { ...base, shardGroupDurationSeconds, shardGroupDuration: formatRetention(shardGroupDurationSeconds) } : base;
}

/** Why InfluxDB would not do what the step asks, or undefined. `current` is the SGD the bucket keeps when the spec declares none. */
function refusal(to: BucketSettings, currentShardGroupSeconds: number | undefined): string | undefined {
  if (to.shardGroupDurationSeconds !== undefined && to.shardGroupDurationSeconds < MIN_SHARD_GROUP_SECONDS) {
    return `InfluxDB does not refuse a shard-group duration under 1h (${to.shardGroupDuration}) but silently stores 1h instead: declare at least 1h.`;
  }
  if (to.shardGroupDurationSeconds !== undefined) return shardGroupConflict(to.retentionSeconds, to.shardGroupDurationSeconds) ?? undefined;
  const kept = retentionBelowShardGroups(to.retentionSeconds, currentShardGroupSeconds ?? 0);
  return kept ? `${kept}: declare a shardGroupDuration of at most ${to.retention} for this bucket in the spec, so both change together.` : undefined;
}

function refusedSummary(summary: string, reason: string | undefined): string {
  return reason ? `${summary}. Refused: ${reason}` : summary;
}

/** One bucket of the spec against what exists of it in the target organization. */
export function planBucket(spec: BucketSpec, current: BucketState | undefined): PlanStep {
  const to = settings(spec.retention, spec.description, spec.shardGroupDuration);
  if (!current) {
    const refused = refusal(to, undefined);
    const summary = `create with retention ${to.retention}` + (to.shardGroupDuration ? ` and shard groups of ${to.shardGroupDuration}` : '');
    return {
      bucket: spec.name,
      action: 'create',
      destructive: false,
      changes: [],
      to,
      summary: refusedSummary(summary, refused),
      ...(refused ? { refused } : {}),
    };
  }
  const from = settings(current.retentionSeconds, current.description, current.shardGroupDurationSeconds);
  const changes: Change[] = [];
  if (from.retentionSeconds !== to.retentionSeconds) changes.push('retention');
  if (from.description !== to.description) changes.push('description');
  if (to.shardGroupDurationSeconds !== undefined && from.shardGroupDurationSeconds !== to.shardGroupDurationSeconds) changes.push('shardGroupDuration');
  if (changes.length === 0) {
    return { bucket: spec.name, action: 'noop', destructive: false, changes, from, to, bucketID: current.id, summary: 'matches the spec' };
  }
  const destructive = changes.includes('retention') && shortensRetention(from.retentionSeconds, to.retentionSeconds);
  const refused = refusal(to, current.shardGroupDurationSeconds);
  const parts: string[] = [];
  let summary: string;
  if (changes.includes('shardGroupDuration') && to.shardGroupDurationSeconds !== undefined) {
    // Each setting acts on stored data differently, so each part says what it does.
    if (changes.includes('retention')) {
      const kept = to.retentionSeconds === 0 ? 'data not yet expired is kept for ever' : `data not yet expired is kept until it is ${to.retention} old`;
      parts.push(`retention ${from.retention} → ${to.retention}: ${destructive ? `data older than ${to.retention} will expire` : kept}`);
    }
    parts.push(
      `shard groups ${from.shardGroupDuration ?? 'unknown'} → ${to.shardGroupDuration}: ${shardGroupEffect(from.shardGroupDurationSeconds, to.shardGroupDurationSeconds, to.retentionSeconds)}`,
    );
    if (changes.includes('description')) parts.push(`description "${from.description}" → "${to.description}"`);
    summary = parts.join('; ');
  } else {
    if (changes.includes('retention')) parts.push(`retention ${from.retention} → ${to.retention}`);
    if (changes.includes('description')) parts.push(`description "${from.description}" → "${to.description}"`);
    const warning = destructive ? ` (data older than ${to.retention} will expire)` : '';
    summary = parts.join('; ') + warning;
  }
  return {
    bucket: spec.name,
    action: 'update',
    destructive,
    changes,
    from,
    to,
    bucketID: current.id,
    summary: refusedSummary(summary, refused),
    ...(refused ? { refused } : {}),
  };
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

/** Steps InfluxDB would refuse: never applied, and the CLI exits non-zero with their reasons. */
export function refusedSteps(p: Plan): PlanStep[] {
  return p.steps.filter((s) => s.refused !== undefined);
}
