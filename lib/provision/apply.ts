import 'server-only';
import { ConsoleFailure, consoleError } from '../errors';
import { createAuthorization, listAuthorizations } from '../influx/authorizations';
import { createBucket, findBucket, listBuckets, updateBucket } from '../influx/buckets';
import type { Connection } from '../influx/client';
import { toConsoleError } from '../influx/errors';
import { resolveOrg } from '../influx/session';
import type { BackupRef } from '../model/backup-first';
import type { ConsoleSpec } from '../spec/schema';
import { plan, planBucket, type ApplyResult, type Plan, type PlanStep, type StepResult } from './plan';
import { planTokens, type TokenStepResult } from './token-plan';

export type { ApplyResult, StepResult, TokenStepResult };

export interface ApplyOptions {
  /** Bucket names the user confirmed for destructive steps (typed name, or the CLI's --yes). */
  confirm?: readonly string[];
  /** Confirms every destructive step of the plan (the CLI's --yes). */
  confirmAll?: boolean;
  /** Called with each step that did, refused or failed something (not the no-ops): the use case records it. */
  onStep?: (result: StepResult) => void | Promise<void>;
  /** Plans and applies the spec's tokens too (opt-in: listing tokens needs read on authorizations). */
  tokens?: boolean;
  /** Called with each token step that did or failed something: the use case records it, without the secret. */
  onTokenStep?: (result: TokenStepResult) => void | Promise<void>;
  /** Backs a bucket up before a destructive step changes it; a throw fails the step, which is then not applied. */
  backupFirst?: (bucket: string) => Promise<BackupRef>;
}

/**
 * Creates the spec's missing tokens, planned again after the buckets were applied (a token is
 * granted on bucket IDs). Never deletes or changes a token. Each new secret is in the result, once.
 */
export async function applyTokens(
  spec: ConsoleSpec,
  orgID: string,
  opts: Pick<ApplyOptions, 'onTokenStep'> = {},
  conn: Connection,
): Promise<TokenStepResult[]> {
  const buckets = await listBuckets({ orgID }, conn);
  const steps = planTokens(spec, { buckets, tokens: await listAuthorizations(orgID, conn) });
  const ids = new Map(buckets.map((b) => [b.name, b.id]));
  const results: TokenStepResult[] = [];
  for (const step of steps) {
    let result: TokenStepResult;
    const missing = step.grants.filter((g) => !ids.has(g.bucket)).map((g) => g.bucket);
    if (step.action === 'noop') result = { ...step, status: 'noop', message: `Nothing to do: token ${step.description} exists.` };
    else if (missing.length) result = { ...step, status: 'skipped', message: `Not created: ${missing.join(', ')} does not exist (see the bucket steps).` };
    else {
      try {
        const created = await createAuthorization(
          orgID,
          step.description,
          step.grants.map((g) => ({ action: g.action, bucketID: ids.get(g.bucket) ?? '' })),
          conn,
        );
        result = {
          ...step,
          tokenID: created.token.id,
          status: 'done',
          message: `Created token ${step.description} (${created.token.id}); its secret is shown this once.`,
          secret: created.secret,
        };
      } catch (e) {
        result = { ...step, status: 'failed', message: toConsoleError(e).message };
      }
    }
    results.push(result);
    if (result.status !== 'noop') await opts.onTokenStep?.(result);
  }
  return results;
}

/** Reads the organization and every visible bucket, and plans against them. */
export async function readPlan(spec: ConsoleSpec, conn: Connection, opts: { tokens?: boolean } = {}): Promise<Plan> {
  // Buckets of all organizations the token sees, so same-name buckets elsewhere are reported.
  const [org, buckets] = await Promise.all([resolveOrg(conn), listBuckets({}, conn)]);
  const p = plan(spec, { orgID: org?.id ?? null, buckets });
  if (opts.tokens && org) p.tokens = planTokens(spec, { buckets: buckets.filter((b) => b.orgID === org.id), tokens: await listAuthorizations(org.id, conn) });
  return p;
}

/**
 * Runs the steps of a plan. Idempotent: a second run finds everything `noop`.
 * A create that loses a race (422 conflict) re-reads the bucket and plans it again.
 */
export async function apply(p: Plan, spec: ConsoleSpec, opts: ApplyOptions = {}, conn: Connection): Promise<ApplyResult> {
  const confirm = new Set(opts.confirmAll ? p.steps.filter((s) => s.destructive).map((s) => s.bucket) : (opts.confirm ?? []));
  // One step at a time: InfluxDB 2.x writes a new bucket to its catalog and to its storage
  // metadata separately, and a server killed between the two refuses to start again
  // ("Missing metadata for bucket"), so the console keeps at most one create in flight.
  const steps: StepResult[] = [];
  for (const step of p.steps) {
    if (!p.orgID) {
      steps.push({ ...step, status: 'skipped', message: p.blocker ?? 'The organization is missing.' });
      continue;
    }
    const result = await runStep(step, p.orgID, spec, confirm, conn, opts.backupFirst);
    steps.push(result);
    if (result.status !== 'noop') await opts.onStep?.(result);
  }
  const tokens = opts.tokens && p.orgID ? await applyTokens(spec, p.orgID, opts, conn) : undefined;
  const applied = !!p.orgID && [...steps, ...(tokens ?? [])].every((s) => s.status === 'done' || s.status === 'noop');
  return { plan: p, applied, steps, ...(tokens ? { tokens } : {}) };
}

async function runStep(
  step: PlanStep,
  orgID: string,
  spec: ConsoleSpec,
  confirm: Set<string>,
  conn: Connection,
  backupFirst?: ApplyOptions['backupFirst'],
  retried = false,
): Promise<StepResult> {
  if (step.action === 'noop') return { ...step, status: 'noop', message: 'Nothing to do: the bucket matches the spec.' };
  // Refused by the plan: InfluxDB would reject it (or store something else), so it is never sent.
  if (step.refused) return { ...step, status: 'skipped', message: `Not applied: ${step.refused}` };
  if (step.destructive && !confirm.has(step.bucket)) {
    return {
      ...step,
      status: 'skipped',
      message: `Not applied: shortening retention of ${step.bucket} from ${step.from?.retention} to ${step.to.retention} expires older data. Confirm by typing the bucket name (CLI: --yes).`,
    };
  }
  let backup: BackupRef | undefined;
  if (step.destructive && backupFirst) {
    try {
      backup = await backupFirst(step.bucket);
    } catch (e) {
      const error = toConsoleError(e);
      return { ...step, status: 'failed', message: error.message, error };
    }
  }
  try {
    if (step.action === 'create') {
      await createBucket(orgID, step.bucket, step.to, conn);
      const shards = step.to.shardGroupDuration ? ` and shard groups of ${step.to.shardGroupDuration}` : '';
      return { ...step, status: 'done', message: `Created ${step.bucket} with retention ${step.to.retention}${shards}.` };
    }
    if (!step.bucketID)
      throw new ConsoleFailure(consoleError('internal', `The plan's update of ${step.bucket} has no bucket ID.`, 'Reload the plan and apply it again.'));
    await updateBucket(step.bucketID, step.to, conn);
    if (backup)
      return {
        ...step,
        status: 'done',
        message: `Updated ${step.bucket}: ${step.summary}. Backed up first as ${backup.id}; to get the data back: ${backup.restore}`,
        backup,
      };
    return { ...step, status: 'done', message: `Updated ${step.bucket}: ${step.summary}.` };
  } catch (e) {
    const error = toConsoleError(e);
    if (!retried && (error.code === 'conflict' || error.code === 'not_found')) {
      // Someone else created (or deleted) it meanwhile: look again and do what is left.
      const bucketSpec = spec.buckets.find((b) => b.name === step.bucket);
      if (bucketSpec) {
        try {
          const current = await findBucket(orgID, step.bucket, conn);
          const again = planBucket(bucketSpec, current ?? undefined);
          const result = await runStep(again, orgID, spec, confirm, conn, backup ? undefined : backupFirst, true);
          if (result.status === 'noop') return { ...result, status: 'done', message: `${step.bucket} was created concurrently and already matches the spec.` };
          return result;
        } catch (e2) {
          return { ...step, status: 'failed', message: toConsoleError(e2).message, error: toConsoleError(e2) };
        }
      }
    }
    return { ...step, status: 'failed', message: error.message, error };
  }
}

/** Plan and apply in one call: what the Provision button and `cli provision` do. */
export async function provision(spec: ConsoleSpec, opts: ApplyOptions = {}, conn: Connection): Promise<ApplyResult> {
  const p = await readPlan(spec, conn, { tokens: opts.tokens });
  return apply(p, spec, opts, conn);
}
