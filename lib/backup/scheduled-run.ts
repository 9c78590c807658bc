import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The last scheduled run, beside the backups: what the alert on a failed scheduled backup reads. */
const STATUS_FILE = '.scheduled-backup.json';

const statusSchema = z.object({ at: z.string(), ok: z.boolean(), id: z.string().nullable(), message: z.string() });
export type ScheduledRun = z.infer<typeof statusSchema>;

/** The last scheduled backup's outcome (null: none ran yet, or its record is unreadable). */
export async function lastScheduledRun(root: string): Promise<ScheduledRun | null> {
  try {
    const parsed = statusSchema.safeParse(JSON.parse(await readFile(join(root, STATUS_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Records a scheduled run's outcome beside the backups (written whole, then renamed). */
export async function recordRun(root: string, run: ScheduledRun): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const tmp = join(root, `${STATUS_FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(run) + '\n', { mode: 0o600 });
  await rename(tmp, join(root, STATUS_FILE));
}
