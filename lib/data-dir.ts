import 'server-only';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { requireConfig } from './config';

/**
 * The console's own files (SQLite database, last verification, secrets): CONSOLE_DATA_DIR,
 * else `.data/` in the working folder. scripts/start.sh sets it to ~/.local/share/homeiq-influx-console.
 * Created readable by its owner only: it holds the session secret and the admin password hash.
 */
export function dataDir(): string {
  const dir = requireConfig().dataDir;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Only the console's user may read it (it holds the password hash, the session key and sessions).
  const stat = statSync(/*turbopackIgnore: true*/ dir);
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(/*turbopackIgnore: true*/ dir, 0o700);
  return dir;
}
