import { z } from 'zod';
import { parseRetention } from './retention';
import { parseShardGroupDuration, shardGroupConflict } from './shard-group';

/**
 * Characters that render as nothing or as a space that is not one: Unicode's default-ignorable code
 * points (zero-width, variation selectors, the combining grapheme joiner, Hangul fillers), the
 * Braille blank, and every space but U+0020. A name holding one reads as another name.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}|\u2800|[\p{Zs}\p{Zl}\p{Zp}](?<! )/u;

/**
 * How a name looks, for telling whether two names would be read as one: compatibility forms folded
 * (NFKC), case set aside, invisible characters left out.
 */
export function nameLooks(name: string): string {
  return name
    .normalize('NFKC')
    .replace(new RegExp(INVISIBLE.source, 'gu'), '')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase();
}

/** The existing name a new one would be read as (same look, other text), or null. */
export function lookalikeOf(name: string, existing: readonly string[]): string | null {
  const looks = nameLooks(name);
  return existing.find((e) => e !== name && nameLooks(e) === looks) ?? null;
}

/** InfluxDB's own rules for bucket names, checked before any call is made. */
export const bucketNameSchema = z
  .string({ error: 'Bucket name must be text.' })
  .refine((v) => v.trim().length > 0, 'Bucket name is required.')
  .refine((v) => v === v.trim(), 'Bucket name must not start or end with spaces.')
  .refine((v) => v.length <= 255, 'Bucket name is too long: 255 characters at most.')
  .refine((v) => !v.startsWith('_'), 'Bucket names starting with "_" are reserved for InfluxDB system buckets.')
  .refine((v) => !v.includes('"'), 'Bucket name must not contain a double quote (").')
  .refine((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v), 'Bucket name must not contain control characters.')
  // Bidi overrides, zero-width and other invisible characters make a name read as another one;
  // a lone surrogate is stored by InfluxDB as U+FFFD, so the bucket made is not the one asked for.
  .refine(
    (v) => v.isWellFormed() && !/\p{Cc}|\p{Cf}|\p{Cs}/u.test(v),
    'Bucket name must not contain invisible, format or direction characters (such as U+200B or U+202E) or broken Unicode.',
  )
  .refine(
    (v) => !INVISIBLE.test(v),
    'Bucket name must not contain characters that show as nothing or as a space (such as U+3164, U+2800, U+034F, U+FE0F or U+00A0).',
  );

/** A bucket's ID as InfluxDB makes them: 16 hex digits. */
export const bucketIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Unknown bucket id.');

/** The bucket an operation targets, by ID (the screens) or by name (the CLI): one of them is required by the operation. */
export const bucketTargetShape = { bucketId: bucketIdSchema.optional(), bucket: bucketNameSchema.optional() };

export const retentionInputSchema = z.union([z.string(), z.number()], { error: 'Retention must be text such as 90d, or infinite.' }).transform((value, ctx) => {
  const parsed = parseRetention(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.seconds;
});

/** Text such as 1d or 7d, as seconds; InfluxDB's rules in `shard-group.ts`. */
export const shardGroupDurationInputSchema = z
  .union([z.string(), z.number()], { error: 'Shard-group duration must be text such as 1d or 7d.' })
  .transform((value, ctx) => {
    const parsed = parseShardGroupDuration(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.seconds;
  });

export const descriptionSchema = z
  .string({ error: 'Description must be text.' })
  .max(1000, 'Description is too long: 1000 characters at most.')
  .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), 'Description must not contain control characters.');

/** A shard-group duration InfluxDB would refuse beside the retention, on the shard-group field. */
function refuseShardGroupConflict(v: { retention: number; shardGroupDuration?: number | undefined }, ctx: z.RefinementCtx): void {
  const conflict = v.shardGroupDuration === undefined ? null : shardGroupConflict(v.retention, v.shardGroupDuration);
  if (conflict) ctx.addIssue({ code: 'custom', path: ['shardGroupDuration'], message: conflict });
}

export const createBucketInputSchema = z
  .strictObject({
    name: bucketNameSchema,
    retention: retentionInputSchema,
    description: descriptionSchema.default(''),
    /** Absent lets InfluxDB derive it from the retention. */
    shardGroupDuration: shardGroupDurationInputSchema.optional(),
  })
  .superRefine(refuseShardGroupConflict);

/** "Back up the bucket first": on unless turned off. */
export const backupFirstSchema = z.boolean({ error: 'backupFirst must be true or false.' }).default(true);

export const updateBucketInputSchema = z
  .strictObject({
    id: bucketIdSchema,
    retention: retentionInputSchema,
    description: descriptionSchema,
    /** Absent leaves the bucket's shard-group duration as it is. */
    shardGroupDuration: shardGroupDurationInputSchema.optional(),
    /** The bucket name typed by the user when the new retention is shorter. */
    confirmName: z.string().max(300).optional(),
    /** When the retention shortens: back the bucket up first (the default); a failed backup changes nothing. */
    backupFirst: backupFirstSchema,
  })
  .superRefine(refuseShardGroupConflict);

export const deleteBucketInputSchema = z.strictObject({
  id: bucketIdSchema,
  confirmName: z.string({ error: 'Type the bucket name to confirm the delete.' }).max(300),
  /** Back the bucket up before deleting it (the default); a failed backup deletes nothing. */
  backupFirst: backupFirstSchema,
});

export type CreateBucketInput = z.output<typeof createBucketInputSchema>;
export type UpdateBucketInput = z.output<typeof updateBucketInputSchema>;
export type DeleteBucketInput = z.output<typeof deleteBucketInputSchema>;

/** Field → first message, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'form';
    if (!(key in out)) out[key] = issue.code === 'unrecognized_keys' ? `Unexpected field(s): ${issue.keys.join(', ')}.` : issue.message;
  }
  return out;
}
