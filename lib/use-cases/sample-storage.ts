import 'server-only';
import { takeStorageSample, type SampleOutcome } from './shared/storage-sample';

export type { SampleOutcome };

/** Reads /metrics once and stores a sample per bucket of the organization; never throws. */
export function sampleOnce(now: number = Date.now()): Promise<SampleOutcome> {
  return takeStorageSample(now);
}
