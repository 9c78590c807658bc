import 'server-only';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The console's own files (last verification report, later its SQLite database):
 * CONSOLE_DATA_DIR, else `.data/` in the working folder. scripts/start.sh sets it to
 * ~/.local/share/homeiq-influx-console.
 */
export function dataDir(): string {
  const dir = resolve(process.env.CONSOLE_DATA_DIR?.trim() || join(process.cwd(), '.data'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Only the console's user may read it (it holds the password hash, the session key and sessions).
  const stat = statSync(/*turbopackIgnore: true*/ dir);
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(/*turbopackIgnore: true*/ dir, 0o700);
  return dir;
}
