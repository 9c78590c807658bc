import 'server-only';
import type { Actor } from '../auth/actor';
import type { Result } from '../result';
import { takeBackup, type BackupInput, type CreatedBackup } from './backup-first';
import { outcome, recordChange, withInflux } from './context';

export type { BackupInput, CreatedBackup };

/** Backs up buckets in influx-cli's layout (see `takeBackup`), and records it. */
export async function createBackup(input: BackupInput, actor: Actor): Promise<Result<CreatedBackup>> {
  let names: string[] = [];
  const result = await withInflux((ctx) => takeBackup(ctx, input, (n) => (names = n)));
  recordChange(actor, outcome(result, { action: 'backup.create', bucket: names.join(',') || null, before: null, after: (b) => ({ id: b.id, dir: b.dir, bytes: b.bytes, buckets: b.buckets }) }), { changed: false });
  return result;
}
