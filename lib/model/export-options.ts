import { z } from 'zod';
import { bucketTargetShape } from './bucket-input';
import { instantOf, MAX_NS, MIN_NS, parseInstant, type Instant } from './time-input';

const measurementName = z
  .string({ error: 'A measurement must be text.' })
  .min(1, 'A measurement name cannot be empty.')
  .max(255, 'A measurement name is too long: 255 characters at most.');

const instant = (label: string) =>
  z
    .string({ error: `${label} must be RFC 3339 such as 2026-11-01T00:00:00Z, or a date.` })
    .optional()
    .transform((text, ctx): Instant | undefined => {
      if (text === undefined || text.trim() === '') return undefined;
      const parsed = parseInstant(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}: ${parsed.message}` });
        return z.NEVER;
      }
      return parsed.instant;
    });

/** Everything InfluxDB can hold: an export without a range is a full copy. */
export const EARLIEST = instantOf(MIN_NS);
export const LATEST = instantOf(MAX_NS);

/** An export as the CLI and the download route ask for it: the bucket by name or by ID. */
export const exportInputSchema = z
  .strictObject({
    ...bucketTargetShape,
    measurements: z.array(measurementName, { error: 'Measurements must be a list of names.' }).max(1000, 'At most 1,000 measurements.').default([]),
    start: instant('Start'),
    stop: instant('Stop'),
  })
  .superRefine((v, ctx) => {
    if ((v.bucketId === undefined) === (v.bucket === undefined))
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'Name the bucket (by name or ID).' });
    if (v.start && v.stop && v.start.ns >= v.stop.ns)
      ctx.addIssue({ code: 'custom', path: ['stop'], message: `Stop (${v.stop.iso}) must be after start (${v.start.iso}).` });
  })
  .transform((v) => ({ ...v, measurements: [...new Set(v.measurements)], start: v.start ?? EARLIEST, stop: v.stop ?? LATEST }));

export type ExportInput = z.output<typeof exportInputSchema>;

/** The download's file name: the bucket and the day, nothing a shell or a browser would misread. */
export function exportFileName(bucket: string, now: Date = new Date()): string {
  const safe = bucket.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'bucket';
  return `${safe}-${now.toISOString().slice(0, 10)}.lp.gz`;
}
