import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { openDb } from '../db';
import { consoleError, ConsoleFailure } from '../errors';
import { bucketMissing } from '../messages';
import { bucketNameSchema } from '../model/bucket-input';
import { fail, type Result } from '../result';
import { writeBudget, type Budget } from '../storage/budgets';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { errorText, log } from '../log';

const MAX = 1e15;

/** A limit: a decimal whole number above zero (digits, optionally grouped with , _ or spaces), or null/empty for none. */
function limit(name: string) {
  const message = `${name} is a whole number above zero written in decimal digits (or empty for none).`;
  return z
    .union([z.number(), z.string(), z.null()], {
      error: (issue) => (issue.input === undefined ? `${name} is required: a whole number above zero, or null for none.` : message),
    })
    .transform((v, ctx) => {
      if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
      const n = typeof v === 'number' ? v : /^\d{1,3}([,_ ]?\d{3})*$|^\d+$/.test(v.trim()) ? Number(v.trim().replace(/[,_ ]/g, '')) : Number.NaN;
      if (!Number.isSafeInteger(n) || n <= 0 || n > MAX) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });
}

export const budgetInputSchema = z.strictObject({ bucketName: bucketNameSchema, maxBytes: limit('maxBytes'), maxRecords: limit('maxRecords') });

/** Sets (or, with both limits empty, removes) the storage budget of a bucket of the organization. */
export async function setBudget(raw: unknown, actor: Actor): Promise<Result<Budget>> {
  const input = budgetInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  const budget = input.data;
  const result = await withInflux(async ({ influx }) => {
    if (!(await influx.bucket(budget.bucketName)))
      throw new ConsoleFailure({
        ...bucketMissing(budget.bucketName, 'Set budgets for buckets of this organization (the Storage screen lists them).'),
        fields: { bucketName: 'No such bucket.' },
      });
    try {
      writeBudget(openDb(), budget);
    } catch (e) {
      log.error('budget: console database write failed', { error: errorText(e) });
      throw new ConsoleFailure(
        consoleError(
          'internal',
          'The budget could not be saved in the console database.',
          'Check that the console data folder (CONSOLE_DATA_DIR) is writable, then retry.',
        ),
      );
    }
    return budget;
  });
  recordChange(
    actor,
    outcome(result, { action: 'budget.set', bucket: budget.bucketName, before: null, after: (b) => ({ maxBytes: b.maxBytes, maxRecords: b.maxRecords }) }),
    { changed: result.ok },
  );
  return result;
}
