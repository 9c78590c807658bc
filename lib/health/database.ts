import 'server-only';
import { accessSync, constants, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../db';
import type { HealthCheck } from './report';

const FIX = "Make the data folder (CONSOLE_DATA_DIR) writable by the console's user, with room on its disk, then restart the console.";

/**
 * Whether the console can write its database now: the folder and file are writable (by their
 * mode bits too, which bind root as well), a file can be created there, and SQLite can take
 * its write lock. Never repairs anything (dataDir() would chmod the folder).
 */
export function checkDatabase(dir: string): HealthCheck {
  try {
    const folder = statSync(/*turbopackIgnore: true*/ dir);
    if (!folder.isDirectory()) return { status: 'down', message: `The data folder is not a folder. ${FIX}` };
    if ((folder.mode & 0o200) === 0) return { status: 'down', message: `The data folder is read-only. ${FIX}` };
    accessSync(/*turbopackIgnore: true*/ dir, constants.W_OK);
    const file = join(dir, 'console.db');
    try {
      if ((statSync(/*turbopackIgnore: true*/ file).mode & 0o200) === 0) return { status: 'down', message: `The console database is read-only. ${FIX}` };
    } catch {
      // Not created yet: the folder's writability is what counts.
    }
    const probe = join(dir, `.health-${process.pid}`);
    writeFileSync(/*turbopackIgnore: true*/ probe, '');
    unlinkSync(/*turbopackIgnore: true*/ probe);
    const db = openDb(file);
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return { status: 'ok' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : 'unknown error');
    return { status: 'down', message: `The console cannot write its database (${code}). ${FIX}` };
  }
}
