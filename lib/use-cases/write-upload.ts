import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { completeUpload, removeUpload } from '../data/import-uploads';
import type { ImportProgress, ImportReport } from '../model/data-operations';
import { fail, type Result } from '../result';
import { withSpec } from './context';
import { writeImport } from './shared/import';
import { invalidInput } from './shared/invalid-input';

/** Writes a checked upload with the bucket name typed; the file is removed afterwards. */
export async function writeUpload(importId: string, raw: unknown, actor: Actor, onProgress: (p: ImportProgress) => void): Promise<Result<ImportReport>> {
  const confirm = z.strictObject({ confirmName: z.string({ error: 'Type the bucket name to confirm.' }).max(300) }).safeParse(raw);
  if (!confirm.success) return fail(invalidInput(confirm.error));
  const done = await withSpec(() => completeUpload(importId));
  if (!done.ok) return done;
  const result = await writeImport({ bucketId: done.data.upload.bucketId, path: done.data.path, confirmName: confirm.data.confirmName }, actor, { onProgress });
  // A mistyped name keeps the file for another try; anything else ends the upload.
  if (result.ok || !result.error.fields?.confirmName) await removeUpload(importId);
  return result;
}
