import { z } from 'zod';
import { backupFirstSchema, bucketTargetShape } from '../model/bucket-input';
import { parseInstant } from '../model/time-input';
import { parseMatches } from '../model/delete-predicate';
import type { Selection } from '../model/selection';

const instant = (label: string) =>
  z.string({ error: `${label} is required: RFC 3339 such as 2026-11-01T00:00:00Z, or a date.` }).transform((text, ctx) => {
    const parsed = parseInstant(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${parsed.message}` });
      return z.NEVER;
    }
    return parsed.instant;
  });

/** A delete (or its preview) as the screen and the CLI ask for it: the bucket by ID or by name. */
export const deleteDataInputSchema = z
  .strictObject({
    ...bucketTargetShape,
    measurement: z
      .string({ error: 'Measurement must be text.' })
      .max(255, 'Measurement name is too long.')
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Measurement must not contain control characters.')
      .optional()
      .transform((v) => (v === undefined || v.trim() === '' ? undefined : v)),
    where: z
      .array(z.string().max(4000, 'A condition is too long.'), { error: 'Conditions must be a list of tag=value texts.' })
      .max(64, 'At most 64 conditions.')
      .default([])
      .transform((texts, ctx) => {
        const parsed = parseMatches(texts);
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.message });
          return z.NEVER;
        }
        return parsed.matches;
      }),
    start: instant('Start'),
    stop: instant('Stop'),
    /** The bucket name, typed by the person deleting. */
    confirmName: z.string().max(300).optional(),
    /** The points the preview showed: the delete stops if a different number matches now. */
    expectedPoints: z.number().int().nonnegative().optional(),
    /** The server's ID of the preview the person saw: a delete without it is refused. */
    previewId: z
      .string()
      .regex(/^[0-9a-f]{32}$/, 'That is not a preview ID: preview the delete again.')
      .optional(),
    /** Back the bucket up before deleting (the default); a failed backup deletes nothing. */
    backupFirst: backupFirstSchema,
  })
  .superRefine((v, ctx) => {
    if ((v.bucketId === undefined) === (v.bucket === undefined))
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'Name the bucket (by name or ID).' });
    if (v.start.ns > v.stop.ns) ctx.addIssue({ code: 'custom', path: ['stop'], message: `Stop (${v.stop.iso}) is before start (${v.start.iso}).` });
  });

export type DeleteDataInput = z.output<typeof deleteDataInputSchema>;

export function selectionOf(input: DeleteDataInput): Selection {
  return { ...(input.measurement === undefined ? {} : { measurement: input.measurement }), matches: input.where, start: input.start, stop: input.stop };
}
