import type { ConsoleError } from './error';

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

/** The Storage screen's range choices, in milliseconds. */
export const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '1y': 365 * 86_400_000 } as const;
export type RangeKey = keyof typeof RANGES;

export function isRange(value: string): value is RangeKey {
  return Object.hasOwn(RANGES, value);
}

export interface Budget {
  bucketName: string;
  maxBytes: number | null;
  maxRecords: number | null;
}

export interface MeasuredGrowth {
  /** Bytes (or whatever was sampled) per day; null until the samples span `minSpanMs`. */
  perDay: number | null;
  /** How long the samples span, first to last (ms). */
  spanMs: number;
  /** How much longer they must span before a rate is given (0 once it is). */
  pendingMs: number;
  minSpanMs: number;
}

export interface Crossing {
  kind: 'bytes' | 'records';
  budget: number;
  /** ISO date the projection reaches the budget; 'now' when already over; null when it never does. */
  date: string | 'now' | null;
  withinDays: number | null;
}

export interface Projection {
  recordsPerDay: number | null;
  bytesPerDay: number | null;
  bytesPerRecord: number | null;
  /** At a full retention window (null for infinite retention or without a rate). */
  recordsAtFullWindow: number | null;
  bytesAtFullWindow: number | null;
  /** recordsAtFullWindow / the seed's estimate. */
  estimateRatio: number | null;
  crossings: Crossing[];
  warnings: string[];
}

/** What the background sampler last did, shared by every bundle of the server process. */
export interface SamplerStatus {
  /** Unix ms of the last stored sample. */
  lastSampleAt: number | null;
  /** The last failure or skip, with its cause; null once a later sample succeeded. */
  lastFailure: { at: number; message: string } | null;
  /** Unix ms since which InfluxDB has not answered (the first of an unbroken run of unreachable samples); null when it answers. */
  unreachableSince: number | null;
}
