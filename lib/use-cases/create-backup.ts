import 'server-only';
import type { Actor } from '../auth/actor';
import type { OnProgress } from '../model/progress';
import type { Result } from '../result';
import { recordedBackup, type BackupInput, type CreatedBackup } from './shared/backup-first';

export type { BackupInput, CreatedBackup };

/** Backs up buckets in influx-cli's layout (see `takeBackup`), and records it. */
/** `at`: the time the backup is named after (the scheduler's clock). */
export function createBackup(input: BackupInput, actor: Actor, at: Date = new Date(), onProgress?: OnProgress): Promise<Result<CreatedBackup>> {
  return recordedBackup(input, actor, at, onProgress);
}
