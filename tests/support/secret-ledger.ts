import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The suite-wide secret scan. Every token secret a test creates is recorded in a ledger (one file per
 * run); at the end of the run every sink that must never hold one — console.db's rows (the audit log
 * included), the console's log files, the `.next/` build output, and the pages and API answers a test
 * captured — is scanned for each of them. Only the one-time reveal may show a secret, and no sink holds it.
 * Used by the Vitest integration run (tests/support/influxd-global-setup.ts) and by Playwright
 * (e2e/server-logs.check.ts), which scripts/test.sh both run.
 */
export const LEDGER_ENV = 'HOMEIQ_SECRET_LEDGER';

const ledgerFile = (dir: string) => join(dir, 'secrets.txt');
const dataDirsFile = (dir: string) => join(dir, 'data-dirs.txt');

export function openLedger(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function ledgerDir(): string | undefined {
  return process.env[LEDGER_ENV] || undefined;
}

/** Records a token secret created by a test. Outside a ledgered run (one file run alone) it is a no-op. */
export function recordSecret(secret: string): void {
  const dir = ledgerDir();
  if (!dir || !secret) return;
  appendFileSync(ledgerFile(dir), `${secret}\n`, { mode: 0o600 });
}

/** Records a console data folder (console.db, logs) the final scan must read. */
export function recordDataDir(path: string): void {
  const dir = ledgerDir();
  if (!dir) return;
  appendFileSync(dataDirsFile(dir), `${path}\n`, { mode: 0o600 });
}

const lines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];

export function recordedSecrets(dir: string): string[] {
  return [...new Set(lines(ledgerFile(dir)))];
}

export function recordedDataDirs(dir: string): string[] {
  return [...new Set(lines(dataDirsFile(dir)))];
}

export interface Sink {
  name: string;
  text: string;
}

/** Every row of every table of a console.db, as text. */
export function databaseSinks(path: string): Sink[] {
  if (!existsSync(path)) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map((t) => ({ name: `${path} table ${t.name}`, text: JSON.stringify(db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`).all()) }));
  } finally {
    db.close();
  }
}

/** Text files under `root` (log files, build output), each read whole; binary and huge files skipped. */
export function fileSinks(root: string, match: (name: string) => boolean = () => true, maxBytes = 32 * 1024 * 1024): Sink[] {
  if (!existsSync(root)) return [];
  const out: Sink[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'cache') walk(path);
      } else if (entry.isFile() && match(entry.name) && statSync(path).size <= maxBytes) {
        out.push({ name: path, text: readFileSync(path, 'latin1') });
      }
    }
  };
  walk(root);
  return out;
}

/** The data folder of a console: its database and its log files. */
export function dataDirSinks(dir: string): Sink[] {
  return [...databaseSinks(join(dir, 'console.db')), ...fileSinks(dir, (name) => /\.(log|txt|jsonl?)$/.test(name))];
}

/** Where a secret was found (by its number in the ledger, never the secret itself): empty when none was. */
export function scanForSecrets(secrets: readonly string[], sinks: readonly Sink[]): string[] {
  const found: string[] = [];
  for (const sink of sinks) {
    secrets.forEach((secret, i) => {
      if (secret.length >= 16 && sink.text.includes(secret)) found.push(`token secret #${i + 1} of the ledger in ${sink.name}`);
    });
  }
  return found;
}
