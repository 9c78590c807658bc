import 'server-only';
import { z } from 'zod';
import { audit } from '../audit/log';
import type { Actor } from '../auth/actor';
import { openDb } from '../db';
import { attempt } from '../influx/attempt';
import { consoleError } from '../influx/errors';
import { bucketNameSchema } from '../provision/bucket-input';
import { fail, ok, type Result } from '../result';
import { writeBudget, type Budget } from './budgets';
import { forgetCachedReads, processMemo } from '../stats/memo';
import { isRange, RANGES } from './ranges';
import { readStorage, type StorageReport } from './report';

/** The report moves with the one-minute samples: a few seconds of reuse absorbs polling. */
const memo = processMemo<StorageReport>('storage', 5_000);

export function readStorageCommand(range: string): Promise<Result<StorageReport>> {
  if (!isRange(range)) return Promise.resolve(fail(consoleError('invalid', `Range must be one of ${Object.keys(RANGES).join(', ')}.`)));
  return attempt(() => memo(range, () => readStorage(range)));
}

const limit = z
  .union([z.number(), z.string(), z.null()])
  .transform((v, ctx) => {
    if (v === null || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v.replace(/[,_\s]/g, ''));
    if (!Number.isFinite(n) || !Number.isInteger(n) || n <= 0 || n > 1e15) {
      ctx.addIssue({ code: 'custom', message: 'A budget is a whole number above zero (or empty for none).' });
      return z.NEVER;
    }
    return n;
  });

export const budgetInputSchema = z.strictObject({ bucketName: bucketNameSchema, maxBytes: limit, maxRecords: limit });

export function setBudgetCommand(raw: unknown, actor: Actor): Result<Budget> {
  const input = budgetInputSchema.safeParse(raw);
  if (!input.success) {
    const fields = Object.fromEntries(input.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));
    return fail({ ...consoleError('invalid', Object.values(fields).join(' ')), fields });
  }
  try {
    writeBudget(openDb(), input.data);
    forgetCachedReads();
    audit(actor, { action: 'budget.set', bucket: input.data.bucketName, before: null, after: { maxBytes: input.data.maxBytes, maxRecords: input.data.maxRecords }, result: 'ok', message: '' });
  } catch {
    return fail(consoleError('internal', 'The budget could not be saved in the console database.', 'Check that the console data folder (CONSOLE_DATA_DIR) is writable, then retry.'));
  }
  return ok(input.data);
}
