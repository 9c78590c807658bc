import 'server-only';
import type { OnProgress } from '../model/progress';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { consoleError } from '../errors';
import { provision, type ApplyResult, type StepResult } from '../provision/apply';
import { fail, type Result } from '../result';
import { backupFirstSchema } from '../model/bucket-input';
import { openSession } from '../influx/session';
import { backupFirst } from './shared/backup-first';
import { recordTokenStep } from './shared/token-step-audit';
import { recordChange, withConnection } from './context';

export const applyProvisionInputSchema = z.strictObject({
  /** Names of buckets whose destructive step the user confirmed by typing the name. */
  confirm: z.array(z.string().max(300)).max(100).default([]),
  /** Back each bucket up before its destructive step (the default); a failed backup leaves that bucket unchanged. */
  backupFirst: backupFirstSchema,
});

function record(actor: Actor, step: StepResult): void {
  recordChange(
    actor,
    {
      action: `provision.${step.action}`,
      bucket: step.bucket,
      before: step.from ?? null,
      after: step.status === 'done' ? { ...step.to, ...(step.backup ? { backup: step.backup.id } : {}) } : null,
      result: step.status === 'done' ? 'ok' : step.status === 'skipped' ? 'skipped' : 'failed',
      message: step.message,
    },
    { changed: step.status === 'done' },
  );
}

/**
 * Re-reads the state, plans and applies: a plan shown earlier is never applied blindly.
 * The Provision button confirms destructive steps by name; the CLI's --yes confirms them all.
 */
export async function applyProvision(
  raw: unknown,
  actor: Actor,
  opts: { confirmAll?: boolean; tokens?: boolean; onProgress?: OnProgress } = {},
): Promise<Result<ApplyResult>> {
  const input = applyProvisionInputSchema.safeParse(raw ?? {});
  if (!input.success)
    return fail(
      consoleError(
        'invalid',
        'The confirmation list is malformed.',
        'Send {"confirm": ["bucket name", …], "backupFirst": true}: the names of the buckets whose destructive step you confirm.',
      ),
    );
  return withConnection((ctx) => {
    const { spec, conn } = ctx;
    // A session only when a destructive step backs up: provisioning itself works without the organization.
    const backup = input.data.backupFirst
      ? async (bucket: string) => backupFirst({ ...ctx, influx: await openSession(conn.env) }, bucket, `shortening the retention of ${bucket}`, opts.onProgress)
      : undefined;
    return provision(
      spec,
      {
        confirm: input.data.confirm,
        confirmAll: opts.confirmAll,
        tokens: opts.tokens,
        onStep: (step) => record(actor, step),
        onTokenStep: (step) => recordTokenStep(actor, step),
        ...(backup ? { backupFirst: backup } : {}),
      },
      conn,
    );
  });
}
