/** The figures of the Measurements screen and `stats --json`: plain data, safe for the browser. */
export interface MeasurementStats {
  name: string;
  /** In the spec, with its detector; null for a measurement outside it. */
  detector: string | null;
  records: number;
  /** Series cardinality as influxdb.cardinality() reports it: one per measurement and tag set (InfluxDB 2.8's index does not count field keys). */
  series: number;
  /** Distinct tag combinations: the entities a detector tracks (per period). */
  tagSets: number;
  tagKeys: string[];
  fieldKeys: string[];
  firstTime: string | null;
  lastTime: string | null;
  /** Records per UTC day (days with records only). */
  perDay: { day: string; records: number }[];
  /** The spec's share of the bucket estimate at full retention (null outside the spec). */
  expectedRecords: number | null;
}

export interface BucketStats {
  name: string;
  retentionSeconds: number;
  estimatedRecords: number | null;
  measurements: MeasurementStats[];
  /** Measurements present but not in the spec, listed apart. */
  unexpected: MeasurementStats[];
  records: number;
  firstTime: string | null;
  lastTime: string | null;
  queryMs: number;
  /** When these numbers were known to be up to date (the screen may show a cached result while a newer one is counted). */
  computedAt: string;
  /** The time slices these figures add up (one per shard group, plus the two open ends). */
  countedSlices: number;
  /** Of those, the slices counted again by the refresh that produced these figures (the others were known unchanged). */
  recountedSlices: number;
  /**
   * When the details were read: `series`, tag and field keys (the storage index) and first/last
   * times. Earlier than `computedAt` after a refresh that did not wait for a slow read: they are
   * then that read's, the series carried forward by the tag sets counted since, and a new read
   * is under way (records, tag sets' bound and records per day are always up to date).
   */
  detailsReadAt: string;
  /** When /metrics last showed that nothing changed since `computedAt` (null: not checked since). */
  checkedAt?: string | null;
}

/** Records (points) and tag sets of one measurement. */
export interface MeasurementCount {
  records: number;
  tagSets: number;
}

/** What one slice holds, per measurement: points, tag sets and points per UTC day. */
export interface MeasurementSlice extends MeasurementCount {
  perDay: Record<string, number>;
  /**
   * Its series by the UTC day of their first point in the slice (they add up to tagSets): a
   * series is dated by its points, not by the slice's start. Absent in counts stored before it.
   */
  firstPerDay?: Record<string, number>;
  /** In a slice longer than a day: its series with a point on `day` (today), by the index, when counted (append.ts). */
  daySeries?: { day: string; series: number };
}
export type SliceCounts = Record<string, MeasurementSlice>;

/** How much of its retention window a bucket's data covers (lib/stats/coverage.ts computes it). */
export interface Coverage {
  windowDays: number | null;
  coveredDays: number;
  /** 0..1 of the window covered by data; null for infinite retention. */
  fill: number | null;
}

export type Verdict = 'none' | 'low' | 'ok' | 'high';

export interface Expectation {
  /** The estimate pro-rated to the covered part of the window. */
  expectedNow: number | null;
  /** Records at a full window at the current pace. */
  projected: number | null;
  ratio: number | null;
  verdict: Verdict;
}
