import 'server-only';
import { resolve } from 'node:path';
import { listStored } from '../backup/store';
import type { BackupSummary } from '../model/backup';
import type { Result } from '../result';
import { withSpec } from './context';

/** `backup list --json` prints `{id, createdAt, bytes, buckets, verified}` of each: a public contract. */
export type { BackupSummary };

/** The backups of the backup folder, newest first (partial ones are never listed; legacy ones are, marked). */
export function listBackups(opts: { dir?: string } = {}): Promise<Result<BackupSummary[]>> {
  return withSpec(async (ctx) => {
    const stored = await listStored(opts.dir ? resolve(/*turbopackIgnore: true*/ opts.dir) : ctx.config.backupDir);
    return stored.map((b) => ({
      id: b.id,
      createdAt: b.createdAt,
      bytes: b.bytes,
      buckets: b.buckets,
      verified: b.verified?.ok ?? null,
      verifiedAt: b.verified?.at ?? null,
      detail: b.verified?.detail ?? b.legacy,
      legacy: b.legacy !== null,
    }));
  });
}
