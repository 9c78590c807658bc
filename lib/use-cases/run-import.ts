import 'server-only';
import type { Actor } from '../auth/actor';
import type { RetryPolicy } from '../influx/write-raw';
import type { ImportProgress, ImportReport } from '../model/data-operations';
import type { Result } from '../result';
import { writeImport } from './shared/import';

/** Writes a file of line protocol into a bucket, confirmed (shared/import.ts, writeImport). */
export function runImport(
  raw: unknown,
  actor: Actor,
  opts: { confirmed?: boolean; onProgress?: (p: ImportProgress) => void; retry?: RetryPolicy } = {},
): Promise<Result<ImportReport>> {
  return writeImport(raw, actor, opts);
}
