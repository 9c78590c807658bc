import 'server-only';
import type { Actor } from '../auth/actor';
import { verifyInputSchema } from '../model/backup';
import type { OnProgress } from '../model/progress';
import { fail, type Result } from '../result';
import { drillBackup, type Verification } from './shared/drill-backup';
import { invalidInput } from './shared/invalid-input';

export type { Verification };

/**
 * The restore drill on one backup (shared/drill-backup.ts): checksums, each bucket restored into a
 * scratch bucket, counted and its sample rows compared, the scratch bucket deleted, the result
 * recorded on the backup. `raw`: the ID, or `{id}` (the screen's action).
 */
export async function verifyBackup(raw: unknown, actor: Actor, onProgress?: OnProgress): Promise<Result<Verification>> {
  const input = verifyInputSchema.safeParse(typeof raw === 'string' ? { id: raw } : raw);
  if (!input.success) return fail(invalidInput(input.error));
  return drillBackup(input.data.id, actor, onProgress);
}
