import { z } from 'zod';
import { bucketNameSchema, retentionInputSchema, shardGroupDurationInputSchema } from '../model/bucket-input';
import { durationTextSeconds } from '../model/retention';
import { shardGroupConflict } from '../model/shard-group';

/** How HomeIQ's writer types each field: JSON lists and objects travel as strings. */
export const fieldTypeSchema = z.enum(['float', 'integer', 'string', 'json']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/**
 * How long a bucket may receive the other measurements' data without this one's before `verify`
 * fails it (never written, or silent): a duration such as `36h`, `2d`, `1w`. Default: two cadences.
 */
const graceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => (durationTextSeconds(v) ?? 0) > 0, 'must be a duration such as 36h, 2d or 1w');

/** The grace in seconds of a valid grace text. */
export const graceSeconds = (text: string | undefined): number | null => (text === undefined ? null : durationTextSeconds(text));

const identifier = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'must not contain control characters');

export const measurementSpecSchema = z.object({
  name: identifier,
  detector: z.string().trim().min(1),
  /** The period a point covers; daily points are stamped at midnight UTC, weekly and monthly ones at write time. */
  period: z.enum(['day', 'week', 'month']),
  tags: z.array(identifier).min(1),
  fields: z.record(identifier, fieldTypeSchema).refine((f) => Object.keys(f).length > 0, 'needs at least one field'),
  /** Ignored (kept so older spec files still load): records are counted exactly, whichever fields a point carries. */
  countField: identifier.optional(),
  /** How often the detector is expected to write (default: its `period`); Insights flags it silent after two. */
  cadence: z.enum(['day', 'week', 'month']).optional(),
  /** See graceSchema; overrides the bucket's. */
  grace: graceSchema.optional(),
});

export const bucketSpecSchema = z
  .object({
    name: bucketNameSchema,
    retention: retentionInputSchema,
    /** Seconds each shard group covers (text such as 1d); absent leaves InfluxDB's choice alone. */
    shardGroupDuration: shardGroupDurationInputSchema.optional(),
    description: z.string().max(1000).default(''),
    estimatedRecords: z.number().int().nonnegative(),
    /** The grace of its measurements that name none (see graceSchema); absent: two cadences of each. */
    grace: graceSchema.optional(),
    measurements: z.array(measurementSpecSchema).min(1),
  })
  .superRefine((b, ctx) => {
    const conflict = b.shardGroupDuration === undefined ? null : shardGroupConflict(b.retention, b.shardGroupDuration);
    if (conflict) ctx.addIssue({ code: 'custom', path: ['shardGroupDuration'], message: conflict });
  });

/** Who writes and who deletes the buckets in HomeIQ's repository, and the commit that says so. */
export const homeiqSourcesSchema = z.object({
  repository: z.string().min(1),
  describes: z.object({ commit: z.string().regex(/^[0-9a-f]{40}$/), date: z.string(), branch: z.string() }),
  writer: z.object({ service: z.string().min(1), path: z.string().min(1), lastCommit: z.string().regex(/^[0-9a-f]{40}$/), status: z.string() }),
  deleters: z.array(z.object({ service: z.string().min(1), path: z.string().min(1), what: z.string() })).default([]),
});
export type HomeiqSources = z.infer<typeof homeiqSourcesSchema>;

/**
 * A token a HomeIQ service needs: a role on every bucket of the spec (writer: write, reader: read),
 * or explicit permissions. Provision (with --tokens) creates it when no token of the organization
 * has the same description and permissions; it never deletes one.
 */
export const tokenSpecSchema = z
  .object({
    description: identifier,
    role: z.enum(['writer', 'reader']).optional(),
    permissions: z
      .array(z.object({ bucket: bucketNameSchema, action: z.enum(['read', 'write']) }))
      .min(1)
      .optional(),
  })
  .refine((t) => (t.role === undefined) !== (t.permissions === undefined), 'needs either a role (writer or reader) or permissions, not both');

export const consoleSpecSchema = z
  .object({
    name: z.string().trim().min(1),
    org: identifier,
    homeiq: homeiqSourcesSchema.optional(),
    /** Series a bucket may reach at full retention before Insights warns (InfluxData's monitoring template alerts at 1,000,000). */
    seriesLimit: z.number().int().positive().optional(),
    buckets: z.array(bucketSpecSchema).min(1),
    tokens: z.array(tokenSpecSchema).optional(),
    /** The console's own scoped token (docs/tokens.md): the Overview offers to create it under this description. */
    consoleToken: z.object({ description: identifier }).optional(),
  })
  .superRefine((spec, ctx) => {
    const descriptions = new Set<string>();
    spec.tokens?.forEach((t, i) => {
      if (descriptions.has(t.description))
        ctx.addIssue({ code: 'custom', path: ['tokens', i, 'description'], message: `token "${t.description}" appears twice` });
      descriptions.add(t.description);
      t.permissions?.forEach((p, j) => {
        if (!spec.buckets.some((b) => b.name === p.bucket))
          ctx.addIssue({ code: 'custom', path: ['tokens', i, 'permissions', j, 'bucket'], message: `"${p.bucket}" is not a bucket of the spec` });
      });
    });
    const names = new Set<string>();
    spec.buckets.forEach((b, i) => {
      if (names.has(b.name)) ctx.addIssue({ code: 'custom', path: ['buckets', i, 'name'], message: `bucket "${b.name}" appears twice` });
      names.add(b.name);
      b.measurements.forEach((m, j) => {
        if (m.countField !== undefined && !(m.countField in m.fields)) {
          ctx.addIssue({
            code: 'custom',
            path: ['buckets', i, 'measurements', j, 'countField'],
            message: `countField "${m.countField}" is not one of the fields of ${m.name}`,
          });
        }
      });
    });
  });

export type ConsoleSpecInput = z.input<typeof consoleSpecSchema>;
export type ConsoleSpec = z.output<typeof consoleSpecSchema>;
export type BucketSpec = ConsoleSpec['buckets'][number];
export type MeasurementSpec = BucketSpec['measurements'][number];
export type TokenSpec = NonNullable<ConsoleSpec['tokens']>[number];
