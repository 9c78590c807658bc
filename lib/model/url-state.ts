import { z } from 'zod';

/**
 * What a screen keeps in its URL (filters, sort, search, range, page), so a view can be shared and
 * the back button returns to it. Each field falls back to its default on its own: a bad or
 * hand-edited parameter shows the screen as it opens, never an error.
 */
type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(params: Params): Record<string, string> {
  if (params instanceof URLSearchParams) return Object.fromEntries(params.entries());
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (one !== undefined) out[k] = one;
  }
  return out;
}

const text = z.string().max(200).catch('');
const direction = z.enum(['asc', 'desc']).catch('asc');

export const bucketsQuery = z.object({
  q: text,
  sort: z.enum(['name', 'retention', 'shardGroup', 'description', 'createdAt', 'updatedAt', 'kind']).catch('name'),
  dir: direction,
});
export type BucketsQuery = z.infer<typeof bucketsQuery>;

export const MEASUREMENT_SORTS = ['spec', 'name', 'records', 'series', 'tagSets'] as const;
export const measurementsQuery = z.object({
  /** A bucket outside the spec; empty: the spec's buckets. */
  bucket: z.string().max(100).catch(''),
  q: text,
  sort: z.enum(MEASUREMENT_SORTS).catch('spec'),
  dir: direction,
});
export type MeasurementsQuery = z.infer<typeof measurementsQuery>;

export const measurementQuery = z.object({
  tag: z.string().max(200).catch(''),
  q: text,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type MeasurementQuery = z.infer<typeof measurementQuery>;

export const AUDIT_ACTIONS = [
  'bucket.create',
  'bucket.update',
  'bucket.delete',
  'provision.create',
  'provision.update',
  'verify.probe-write',
  'budget.set',
  'sample.load',
  'alerts.test',
  'token.create',
  'token.activate',
  'token.deactivate',
  'token.delete',
  'provision.token.create',
  'backup.create',
  'backup.restore',
  'backup.verify',
] as const;
export const AUDIT_ROLES = ['admin', 'viewer', 'cli'] as const;
export const auditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).or(z.literal('')).catch(''),
  role: z.enum(AUDIT_ROLES).or(z.literal('')).catch(''),
  bucket: text,
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** The query string of an Audit view (for its CSV link), empty fields left out. */
export function auditSearch(q: AuditQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function readQuery<T extends z.ZodType>(schema: T, params: Params): z.infer<T> {
  return schema.parse(entries(params));
}

export const storageQuery = z.object({ range: z.enum(['24h', '7d', '30d', '1y']).catch('30d') });
