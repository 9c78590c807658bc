import { z } from 'zod';
import { bucketNameSchema } from './bucket-input';

/** IDs are influx-cli's base names (UTC `20060102T150405Z`), with `-N` when two fall in one second. */
export const backupIdSchema = z.string().regex(/^\d{8}T\d{6}Z(-\d+)?$/, 'A backup ID looks like 20261206T023000Z (see `backup list`).');

/**
 * A restore: one bucket of a backup as a new bucket `as`, or over the existing bucket `as` when
 * `replace` carries its name typed again (its current state is backed up first).
 */
export const restoreInputSchema = z.strictObject({
  id: backupIdSchema,
  bucket: z.string({ error: 'Choose the bucket of the backup to restore.' }).min(1, 'Choose the bucket of the backup to restore.').max(300),
  as: bucketNameSchema,
  /** Restore over the existing bucket `as`: only with its name typed (`confirm`). */
  replace: z.strictObject({ confirm: z.string({ error: 'Type the name of the bucket to replace.' }).max(300) }).optional(),
});
export type RestoreInput = z.input<typeof restoreInputSchema>;

export const verifyInputSchema = z.strictObject({ id: backupIdSchema });

/** A backup as the Backups screen and `backup list` show it. `verified`: the last drill's result, null before the first. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  bytes: number;
  buckets: string[];
  verified: boolean | null;
  verifiedAt: string | null;
  detail: string | null;
  /**
   * Written by an older console: its manifest lacks fields this one needs to restore and verify
   * it (the record counts). Listed and pruned by the keep rule like any other; `influx restore` reads it.
   */
  legacy: boolean;
}
