import 'server-only';
import { z } from 'zod';
import { bucketIdSchema } from '../model/bucket-input';
import { CHUNK_BYTES, createUpload } from '../data/import-uploads';
import { fail, type Result } from '../result';
import { withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { targetBucket } from './shared/target-bucket';

/* The browser's import: the file arrives in chunks, is checked, then written; see ../data/import-uploads.ts. */

const startUploadSchema = z.strictObject({
  bucketId: bucketIdSchema,
  size: z.number({ error: 'The file size is missing.' }).int().positive('The file is empty.'),
  fileName: z.string().max(1000).default('upload.lp'),
});

/** Starts an upload into a bucket (checked to exist and be the admin's to write). */
export async function startUpload(raw: unknown): Promise<Result<{ importId: string; chunkBytes: number }>> {
  const input = startUploadSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => {
    const bucket = await targetBucket(influx, { bucketId: input.data.bucketId }, 'imported into');
    const upload = await createUpload(bucket.id, input.data.size, input.data.fileName);
    return { importId: upload.id, chunkBytes: CHUNK_BYTES };
  });
}
