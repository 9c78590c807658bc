import 'server-only';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The console's own files (last verification report, later its SQLite database):
 * CONSOLE_DATA_DIR, else `.data/` in the working folder. scripts/start.sh sets it to
 * ~/.local/share/homeiq-influx-console.
 */
export function dataDir(): string {
  const dir = resolve(process.env.CONSOLE_DATA_DIR?.trim() || join(process.cwd(), '.data'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
