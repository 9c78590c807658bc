/**
 * Insights: why a bucket grows, which detector went silent, and what to change in the writer.
 * Plain data, safe for the browser. `insights --json` prints `InsightsReport` minus nothing:
 * its shape is a public contract (issue 14) — fields may be added, never renamed or removed.
 */
export type FindingKind =
  'time-tag' | 'write-time-stamps' | 'week-label' | 'clock-offset' | 'never-written' | 'silent' | 'type-change' | 'rejected-writes' | 'series-limit';

export type Cadence = 'day' | 'week' | 'month';

export interface TagDriver {
  tag: string;
  /** Distinct values of the tag in the measurement. */
  distinctValues: number;
  /** Its values track _time (a date, week or month in a tag): each new period makes new series. */
  growsWithTime: boolean;
  /** The most frequent values with their series counts (top N). */
  topValues?: { value: string; series: number }[];
}

export interface MeasurementInsight {
  name: string;
  /** The spec's detector that writes it (null: a measurement outside the spec). */
  detector: string | null;
  series: number;
  /** Series expected when the bucket holds its full retention at today's rate. */
  projectedSeries: number;
  /** New series per UTC day (the day a series first appears). */
  seriesPerDay: { day: string; created: number }[];
  drivers: TagDriver[];
  /** Time of the newest point (null: never written). */
  lastWritten: string | null;
  /** Expected write cadence from the spec (null: outside the spec). */
  cadence: Cadence | null;
  /** Records (points), from the same counts as the Measurements screen. */
  records?: number;
  /** The tag whose values track _time, if any. */
  timeTag?: string | null;
  /** Series if that tag were dropped or moved to a field (one per combination of the other tags). */
  seriesWithoutTimeTag?: number;
}

export interface BucketInsight {
  name: string;
  series: number;
  projectedSeries: number;
  /** The series limit the projection is held against (spec, default 1,000,000). */
  seriesLimit: number;
  /** False: InfluxDB would not list the field types, so type changes were not checked (not: none found). */
  typeChangesChecked?: boolean;
  measurements: MeasurementInsight[];
  /** Points InfluxDB refused for the bucket since influxd started (/metrics), and since when (null: none). */
  rejectedWrites?: { droppedPoints: number; failedWrites: number; since: string } | null;
}

export interface Finding {
  kind: FindingKind;
  bucket: string;
  measurement: string | null;
  /** What was found, with its numbers. */
  detail: string;
  /** What to change, concretely (for writer findings: the one-line change to HomeIQ's writer). */
  fix: string;
}

export interface InsightsReport {
  /** When the figures were computed (ISO). */
  computedAt: string;
  buckets: BucketInsight[];
  findings: Finding[];
  /** How long the computation took (ms). */
  durationMs?: number;
}
