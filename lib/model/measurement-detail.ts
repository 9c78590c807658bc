/**
 * One measurement looked at closely (`GET /api/measurement?bucket=B&measurement=M`): records per
 * day, records per value of one tag (the top entities, searchable), the latest points as stored
 * (paged, every field) and the measurement's insights. Plain data, safe for the browser.
 */
import type { Finding, MeasurementInsight } from './insights';

export interface TagValueCount {
  value: string;
  /** Points (records) carrying this tag value. */
  records: number;
}

export interface TagValueCounts {
  /** The tag counted (the query's `?tag=`, or the measurement's first entity tag). */
  tag: string;
  /** The `?search=` text the values were filtered by (case-insensitive substring), if any. */
  search: string | null;
  /** The top values by records, most first (at most `limit`). */
  values: TagValueCount[];
  /** Distinct values matching the search, of which `values` shows the top. */
  distinctValues: number;
  /** Records of all matching values (without a search: the measurement's records). */
  records: number;
  limit: number;
  /** Points of the measurement that carry no value of this tag (absent: not counted); the page says so when the values do not add up. */
  withoutTag?: number;
}

/** A point as stored: its time, its tags and every field it carries. */
export interface StoredPoint {
  time: string;
  tags: Record<string, string>;
  fields: Record<string, string | number | boolean | null>;
}

export interface PointsPage {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The newest points first. */
  points: StoredPoint[];
  /** Whether an older page exists. */
  hasMore: boolean;
}

export interface MeasurementDetail {
  bucket: string;
  measurement: string;
  detector: string | null;
  records: number;
  tagKeys: string[];
  fieldKeys: string[];
  firstTime: string | null;
  lastTime: string | null;
  /** Records per UTC day (days with records only). */
  perDay: { day: string; records: number }[];
  perTag: TagValueCounts | null;
  latest: PointsPage;
  /** Its insights (null when the bucket's insights could not be computed). */
  insight: MeasurementInsight | null;
  /** The findings about this measurement. */
  findings: Finding[];
  computedAt: string;
}
