import 'server-only';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleConfig } from '../config';
import { dataDir } from '../data-dir';
import { log } from '../log';
import { ensureAdminPassword } from './credentials';

export const PASSWORD_FILE = 'admin-password.txt';

/**
 * The admin password generated at first start reaches its person once, and never a log: on a
 * terminal it is printed; off one (a container, LOG_FORMAT=json) it is written to a file only its
 * owner can read, and the log says where.
 */
export async function handOverAdminPassword(c: Pick<ConsoleConfig, 'logFormat'>): Promise<void> {
  const password = await ensureAdminPassword();
  if (!password) return;
  const json = c.logFormat !== null ? c.logFormat === 'json' : process.stdout.isTTY !== true;
  if (!json) {
    process.stdout.write(`\n  Console admin password (shown once, keep it): ${password}\n  Set CONSOLE_ADMIN_PASSWORD to choose your own.\n\n`);
    return;
  }
  const file = join(dataDir(), PASSWORD_FILE);
  writeFileSync(/*turbopackIgnore: true*/ file, `${password}\n`, { mode: 0o600 });
  log.warn('admin password generated: read it from the file, then delete the file (or set CONSOLE_ADMIN_PASSWORD)', { file });
}
