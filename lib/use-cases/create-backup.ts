import 'server-only';
import type { Actor } from '../auth/actor';
import type { Result } from '../result';
import { recordedBackup, type BackupInput, type CreatedBackup } from './shared/backup-first';

export type { BackupInput, CreatedBackup };

/** Backs up buckets in influx-cli's layout (see `takeBackup`), and records it. */
export function createBackup(input: BackupInput, actor: Actor): Promise<Result<CreatedBackup>> {
  return recordedBackup(input, actor);
}
