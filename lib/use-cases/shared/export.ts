import 'server-only';
import type { Connection } from '../../influx/client';
import type { BucketInfo } from '../../model/bucket';

/** What planning an export hands to running it (plan-export.ts, run-export.ts). */

/** An export checked and ready to stream: the bucket found, the range settled. */
export interface ExportPlan {
  bucket: BucketInfo;
  /** Empty: every measurement. */
  measurements: string[];
  start: string;
  stop: string;
  conn: Connection;
}

export interface ExportProgress {
  /** Points: distinct (series, time), as InfluxDB keeps them (one line per field makes several lines of one point). */
  points: number;
  /** Lines written: one per field of each point. */
  lines: number;
  /** Bytes of gzip written so far. */
  bytes: number;
}

export interface ExportSummary extends ExportProgress {
  bucket: string;
  measurements: string[];
  start: string;
  stop: string;
  /** Rows line protocol cannot hold (a tag value ending in a backslash, a line break in a name). */
  unwritableRows: number;
  unwritable: string[];
}
