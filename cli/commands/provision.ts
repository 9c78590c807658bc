import { parseArgs } from 'node:util';
import { stepsOnStderr } from '../progress';
import { CLI_ACTOR } from '../../lib/auth/actor';
import type { ApplyResult, StepResult, TokenStepResult } from '../../lib/provision/apply';
import type { TokenStep } from '../../lib/provision/token-plan';
import { hasDestructive, refusedSteps, type Plan, type PlanStep } from '../../lib/provision/plan';
import { applyProvision } from '../../lib/use-cases/apply-provision';
import { planProvision } from '../../lib/use-cases/plan-provision';
import { backupJson } from '../backup-first';
import { EXIT, printError, printJson, table } from '../output';

/** The stable JSON step: bucket, action, destructive, from?, to? (status and message added; refused when InfluxDB would refuse it). */
function jsonStep(step: PlanStep | StepResult) {
  return {
    bucket: step.bucket,
    action: step.action,
    destructive: step.destructive,
    ...(step.from ? { from: step.from } : {}),
    to: step.to,
    ...('status' in step ? { status: step.status, message: step.message } : {}),
    ...(step.refused ? { refused: step.refused } : {}),
    ...('backup' in step ? backupJson(step.backup) : {}),
  };
}

/** A token step for --json (only with --tokens): the secret of a new token is in it, this once. */
function jsonTokenStep(step: TokenStep | TokenStepResult) {
  return {
    description: step.description,
    action: step.action,
    permissions: step.grants,
    ...(step.tokenID ? { id: step.tokenID } : {}),
    ...('status' in step ? { status: step.status, message: step.message, ...(step.secret ? { secret: step.secret } : {}) } : {}),
  };
}

function printTokenPlan(steps: readonly TokenStep[]): void {
  process.stdout.write(
    table(
      ['TOKEN', 'ACTION', 'DETAIL'],
      steps.map((s) => [s.description, s.action, s.summary]),
    ) + '\n',
  );
}

function printTokenResult(steps: readonly TokenStepResult[]): void {
  process.stdout.write(
    table(
      ['TOKEN', 'STATUS', 'MESSAGE'],
      steps.map((s) => [s.description, s.status, s.message]),
    ) + '\n',
  );
  // Each new secret once, alone on its line after its name: store it now, it is not shown again.
  for (const s of steps) if (s.secret) process.stdout.write(`secret of ${s.description} (shown once):\n${s.secret}\n`);
}

/** `1d -> 7d`, `7d`, or `auto` when InfluxDB picks it. */
function shardGroups(s: PlanStep): string {
  if (!s.to.shardGroupDuration) return s.from?.shardGroupDuration ?? 'auto';
  return s.from?.shardGroupDuration && s.from.shardGroupDuration !== s.to.shardGroupDuration
    ? `${s.from.shardGroupDuration} -> ${s.to.shardGroupDuration}`
    : s.to.shardGroupDuration;
}

/** Refused steps go to stderr with their reasons: the run exits 1 however --json is set. */
function reportRefused(plan: Plan): boolean {
  const refused = refusedSteps(plan);
  for (const s of refused) process.stderr.write(`refused: ${s.bucket}: ${s.refused}\n`);
  return refused.length > 0;
}

function printPlan(plan: Plan): void {
  process.stdout.write(`Plan for spec ${plan.spec}, org ${plan.org}:\n`);
  process.stdout.write(
    table(
      ['BUCKET', 'ACTION', 'RETENTION', 'SHARD GROUPS', 'DETAIL'],
      plan.steps.map((s) => [
        s.bucket,
        s.refused ? `${s.action} (REFUSED)` : s.destructive ? `${s.action} (DESTRUCTIVE)` : s.action,
        s.from && s.from.retention !== s.to.retention ? `${s.from.retention} -> ${s.to.retention}` : s.to.retention,
        shardGroups(s),
        s.summary,
      ]),
    ) + '\n',
  );
  for (const note of plan.notes) process.stdout.write(`note: ${note.message}\n`);
  if (plan.blocker) process.stdout.write(`blocked: ${plan.blocker}\n`);
}

function printResult(result: ApplyResult): void {
  process.stdout.write('\nResult:\n');
  process.stdout.write(
    table(
      ['BUCKET', 'STATUS', 'MESSAGE'],
      result.steps.map((s) => [s.bucket, s.status, s.message]),
    ) + '\n',
  );
}

export async function provisionCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
      tokens: { type: 'boolean' },
      'no-backup': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const withTokens = values.tokens === true;
  if (values['dry-run']) {
    const planned = await planProvision({ tokens: withTokens });
    if (!planned.ok) {
      if (values.json) printJson({ applied: false, steps: [], error: planned.error });
      else printError(planned.error);
      return EXIT.failed;
    }
    const plan = planned.data;
    if (values.json)
      printJson({ applied: false, steps: plan.steps.map(jsonStep), notes: plan.notes, ...(plan.tokens ? { tokens: plan.tokens.map(jsonTokenStep) } : {}) });
    else {
      printPlan(plan);
      if (plan.tokens) printTokenPlan(plan.tokens);
    }
    const refused = reportRefused(plan);
    return plan.blocker || refused ? EXIT.failed : EXIT.ok;
  }
  // The same use case as the Provision button: it plans afresh, then applies; --yes confirms every destructive step,
  // each backing its bucket up first unless --no-backup.
  const applied = await applyProvision({ backupFirst: !values['no-backup'] }, CLI_ACTOR, {
    confirmAll: !!values.yes,
    tokens: withTokens,
    onProgress: stepsOnStderr(),
  });
  if (!applied.ok) {
    if (values.json) printJson({ applied: false, steps: [], error: applied.error });
    else printError(applied.error);
    return EXIT.failed;
  }
  const result = applied.data;
  const plan = result.plan;
  if (!values.json) printPlan(plan);
  if (values.json)
    printJson({
      applied: result.applied,
      steps: result.steps.map(jsonStep),
      notes: plan.notes,
      ...(result.tokens ? { tokens: result.tokens.map(jsonTokenStep) } : {}),
    });
  else {
    printResult(result);
    if (result.tokens) printTokenResult(result.tokens);
  }
  const refused = reportRefused(plan);
  if ([...result.steps, ...(result.tokens ?? [])].some((s) => s.status === 'failed') || plan.blocker || refused) return EXIT.failed;
  if (hasDestructive(plan) && !values.yes) {
    if (!values.json) process.stderr.write('Destructive steps were not applied: rerun with --yes to shorten retention (older data expires).\n');
    return EXIT.needsConfirmation;
  }
  return EXIT.ok;
}
