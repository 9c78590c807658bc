import 'server-only';
import { completeUpload } from '../data/import-uploads';
import type { ImportReport } from '../model/data-operations';
import { ok, type Result } from '../result';
import { withSpec } from './context';
import { dryRunImport } from './shared/import';

/** The dry run of a complete upload. */
export async function checkUpload(
  importId: string,
  opts: { signal?: AbortSignal } = {},
): Promise<Result<ImportReport & { importId: string; fileName: string }>> {
  const done = await withSpec(() => completeUpload(importId));
  if (!done.ok) return done;
  const report = await dryRunImport({ bucketId: done.data.upload.bucketId, path: done.data.path }, opts);
  return report.ok ? ok({ ...report.data, importId, fileName: done.data.upload.fileName }) : report;
}
