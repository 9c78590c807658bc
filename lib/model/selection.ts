import type { Instant } from './time-input';
import type { TagMatch } from './delete-predicate';

/** The points a data operation acts on: one measurement or all, tag matches, and a closed time range. */
export interface Selection {
  measurement?: string;
  matches: TagMatch[];
  /** Inclusive, like InfluxDB's delete. */
  start: Instant;
  /** Inclusive, like InfluxDB's delete. */
  stop: Instant;
}

/** A point as stored, for a preview: its series, its time and every field read. */
export interface SamplePoint {
  measurement: string;
  tags: Record<string, string>;
  time: string;
  fields: Record<string, string | number | boolean | null>;
}
