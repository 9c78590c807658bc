import type { ConsoleError } from '../errors';
import type { Budget } from '../storage/budgets';
import type { MeasuredGrowth, Projection } from '../storage/projection';
import type { RangeKey } from '../storage/ranges';
import type { SamplerStatus } from '../storage/sampler-status';

/** The Storage screen's report: plain data, safe for the browser. */
export interface BucketStorage {
  name: string;
  retentionSeconds: number;
  estimatedRecords: number | null;
  records: number;
  diskBytes: number | null;
  series: number | null;
  /** Records per UTC day and the running total, from the data itself. */
  recordsPerDay: { day: string; records: number; cumulative: number }[];
  /** Disk and series samples over the selected range. */
  samples: { ts: number; diskBytes: number; series: number }[];
  /** Bytes on disk per day from the samples: null until they span enough time (MIN_GROWTH_SPAN_MS). */
  measuredGrowth: MeasuredGrowth;
  budget: Budget | null;
  projection: Projection;
}

export interface StorageReport {
  range: RangeKey;
  metrics: { available: true } | { available: false; error: ConsoleError };
  buckets: BucketStorage[];
  warnings: { bucket: string; message: string }[];
  generatedAt: string;
  /** The background /metrics sampler: when it last sampled, and its last failure if that is newer. */
  sampler: SamplerStatus;
}
