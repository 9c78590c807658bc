import 'server-only';
import type { ImportReport } from '../model/data-operations';
import type { Result } from '../result';
import { dryRunImport } from './shared/import';

/** The dry run: what the file holds and what InfluxDB would make of it; writes nothing. */
export function checkImport(raw: unknown, opts: { signal?: AbortSignal } = {}): Promise<Result<ImportReport>> {
  return dryRunImport(raw, opts);
}
