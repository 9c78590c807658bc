import 'server-only';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data-dir';
import type { VerifyReport } from './types';
import { errorText, log } from '../log';

const FILE = 'last-verify.json';

/** Keeps the last full report so the Overview can show it after a restart. */
export function saveLastReport(report: VerifyReport): void {
  const path = join(dataDir(), FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(report), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** The last report, or null when none was kept; a damaged file is logged and treated as none. */
export function loadLastReport(): VerifyReport | null {
  const path = join(dataDir(), FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('verify: cannot read the last report', { path, error: errorText(e) });
    return null;
  }
  try {
    return JSON.parse(text) as VerifyReport;
  } catch (e) {
    log.warn('verify: the last report is damaged; run the checks again to replace it', { path, error: errorText(e) });
    return null;
  }
}
