import 'server-only';
import { resolve } from 'node:path';
import { listStored } from '../backup/store';
import type { Result } from '../result';
import { withSpec } from './context';

/** `backup list --json`: a public contract. `verified`: the last restore drill's result, null before the first. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  bytes: number;
  buckets: string[];
  verified: boolean | null;
  verifiedAt: string | null;
  detail: string | null;
}

/** The complete backups of the backup folder, newest first (partial ones are never listed). */
export function listBackups(opts: { dir?: string } = {}): Promise<Result<BackupSummary[]>> {
  return withSpec(async (ctx) => {
    const stored = await listStored(opts.dir ? resolve(/*turbopackIgnore: true*/ opts.dir) : ctx.config.backupDir);
    return stored.map(({ manifest: m }) => ({ id: m.id, createdAt: m.createdAt, bytes: m.bytes, buckets: m.buckets.map((b) => b.name), verified: m.verified?.ok ?? null, verifiedAt: m.verified?.at ?? null, detail: m.verified?.detail ?? null }));
  });
}
