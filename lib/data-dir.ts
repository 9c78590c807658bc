import 'server-only';
import { mkdirSync } from 'node:fs';
import { requireConfig } from './config';

/**
 * The console's own files (SQLite database, last verification, secrets): CONSOLE_DATA_DIR,
 * else `.data/` in the working folder. scripts/start.sh sets it to ~/.local/share/homeiq-influx-console.
 * Created readable by its owner only: it holds the session secret and the admin password hash.
 */
export function dataDir(): string {
  const dir = requireConfig().dataDir;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

