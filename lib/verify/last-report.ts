import 'server-only';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data-dir';
import type { VerifyReport } from './types';

const FILE = 'last-verify.json';

/** Keeps the last full report so the Overview can show it after a restart. */
export function saveLastReport(report: VerifyReport): void {
  const path = join(dataDir(), FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(report), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export function loadLastReport(): VerifyReport | null {
  try {
    return JSON.parse(readFileSync(join(dataDir(), FILE), 'utf8')) as VerifyReport;
  } catch {
    return null;
  }
}
