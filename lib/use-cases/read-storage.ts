import 'server-only';
import type { Result } from '../result';
import type { StorageReport } from '../storage/report';
import { storageOf } from './shared/storage-report';

/** The Storage screen: bytes on disk over `range`, records, projections and budgets of the spec's buckets. */
export function readStorage(range: string): Promise<Result<StorageReport>> {
  return storageOf(range);
}
