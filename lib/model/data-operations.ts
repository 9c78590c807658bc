/** The results of the data operations (delete, import) the screens show: plain data, safe for the browser. */
import type { FieldType, Precision } from './line-protocol';
import type { SamplePoint } from './selection';

/** How points were counted: InfluxQL reads every point whatever its field types (Flux only where InfluxQL cannot). */
export type CountedWith = 'influxql' | 'flux';

/** What a delete would remove, counted exactly before anything is removed. */
export interface DeletePreview {
  /** The server's ID of this preview: a delete names it, and removes only what it counted. */
  previewId: string;
  bucketId: string;
  bucket: string;
  /** The selection in words. */
  selection: string;
  /** The predicate InfluxDB is sent ('' selects every series). */
  predicate: string;
  start: string;
  stop: string;
  /** Points per measurement that would be deleted (measurements with none are left out). */
  points: Record<string, number>;
  total: number;
  /** A few of those points as stored. */
  sample: SamplePoint[];
  /** How the points were counted: InfluxQL reads every point whatever its field types (Flux only where InfluxQL cannot). */
  countedWith: CountedWith;
}

export interface LineProblem {
  line: number;
  message: string;
}

export interface TypeConflict {
  measurement: string;
  field: string;
  /** Start of the shard group, RFC 3339. */
  shardGroup: string;
  /** The type already there (stored, or first in the file) and the one that clashes. */
  existing: FieldType;
  incoming: FieldType;
  where: 'stored' | 'file';
  /** First line with the clashing type. */
  line: number;
  lines: number;
}

export interface ImportCheck {
  /** Points per measurement: distinct (series, time), as InfluxDB keeps them (point-keys.ts). */
  points: Record<string, number>;
  totalPoints: number;
  /** Lines per measurement: a point exported one field per line has a line per field. */
  lines: Record<string, number>;
  totalLines: number;
  /** Earliest and latest point times (ns, decimal text), null without timestamps. */
  firstNs: string | null;
  lastNs: string | null;
  errors: LineProblem[];
  /** Errors beyond the ones listed. */
  moreErrors: number;
  outsideRetention: { points: number; lines: number; firstLine: number | null; cutoff: string | null };
  conflicts: TypeConflict[];
}

export interface ImportReport extends ImportCheck {
  dryRun: boolean;
  bucketId: string;
  bucket: string;
  precision: Precision;
  /** Lines InfluxDB took; null on a dry run. */
  written: number | null;
  /** Lines InfluxDB refused after the retries, by line number (capped like the errors). */
  refused: LineProblem[];
  moreRefused: number;
}

export interface ImportProgress {
  /** Lines sent and answered so far, and of them refused. */
  sent: number;
  refused: number;
  /** Bytes of the file read so far, of its size: the share of the work done. */
  readBytes: number;
  fileBytes: number;
}

/** Lines a dry run expects to send: the lines that parse and fall inside the retention. */
export function linesToSend(report: Pick<ImportCheck, 'totalLines' | 'outsideRetention'>): number {
  return report.totalLines - report.outsideRetention.lines;
}
