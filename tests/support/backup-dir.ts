import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A fresh backup folder for one test file: CONSOLE_BACKUP_DIR points at it while the file's tests run, and back afterwards. */
export function temporaryBackupDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const saved = process.env.CONSOLE_BACKUP_DIR;
  beforeAll(() => {
    process.env.CONSOLE_BACKUP_DIR = dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CONSOLE_BACKUP_DIR;
    else process.env.CONSOLE_BACKUP_DIR = saved;
  });
  return dir;
}
