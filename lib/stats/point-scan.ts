import type { SliceCounts } from './slice-counts';
import { formatNumber } from '../model/format';

/** One chunk of an InfluxQL `SELECT *` answer: a measurement's rows, `time` first, then its tags and fields. */
export interface InfluxqlSeries {
  name: string;
  columns: readonly string[];
  values: readonly (readonly unknown[])[];
}

/** A slice holds more series than the console keeps in memory to count its tag sets. */
export class TooManySeries extends Error {
  constructor(readonly limit: number) {
    super(`more than ${formatNumber(limit)} series in one slice`);
    this.name = 'TooManySeries';
  }
}

/** Series kept in memory per slice, at most: about 100 bytes each. */
export const MAX_SLICE_SERIES = 250_000;

/**
 * A slice's counts from the rows of `SELECT * FROM <measurement>` (no GROUP BY): InfluxQL gives one
 * row per point, its fields side by side, so a point missing any field is still one row and a
 * point written twice is one row. Its tag set is every column but `time` and the measurement's
 * field keys; a column neither known as a field nor as a tag (created after they were read) is
 * taken as a tag, so two points are never merged into one series by it.
 */
export class PointScan {
  private readonly counts: SliceCounts = {};
  /** Each series of each measurement with the UTC day of its first point in the slice. */
  private readonly series = new Map<string, Map<string, string>>();
  private seriesTotal = 0;

  constructor(
    private readonly fieldsOf: (measurement: string) => ReadonlySet<string>,
    private readonly maxSeries = MAX_SLICE_SERIES,
  ) {}

  add(chunk: InfluxqlSeries): void {
    const fields = this.fieldsOf(chunk.name);
    const timeAt = chunk.columns.indexOf('time');
    const tags = chunk.columns.flatMap((c, i) => (i !== timeAt && !fields.has(c) ? [{ at: i, name: `${c.length}:${c}` }] : []));
    const entry = (this.counts[chunk.name] ??= { records: 0, tagSets: 0, perDay: {} });
    const seen = this.series.get(chunk.name) ?? new Map<string, string>();
    this.series.set(chunk.name, seen);
    for (const row of chunk.values) {
      entry.records++;
      const day = String(row[timeAt]).slice(0, 10);
      entry.perDay[day] = (entry.perDay[day] ?? 0) + 1;
      const key = seriesKey(row, tags);
      const first = seen.get(key);
      // InfluxQL answers in time order, but a day is compared anyway: chunks are not promised to be.
      if (first !== undefined) {
        if (day < first) seen.set(key, day);
        continue;
      }
      seen.set(key, day);
      if (++this.seriesTotal > this.maxSeries) throw new TooManySeries(this.maxSeries);
    }
    entry.tagSets = seen.size;
  }

  result(): SliceCounts {
    for (const [name, seen] of this.series) {
      const entry = this.counts[name];
      if (!entry) continue;
      const firstPerDay: Record<string, number> = {};
      for (const day of seen.values()) firstPerDay[day] = (firstPerDay[day] ?? 0) + 1;
      entry.firstPerDay = firstPerDay;
    }
    return this.counts;
  }
}

/**
 * The tags of a row, each key and value with its length before it: no two tag sets give the same
 * key, whatever the columns of the chunk. A null is no such tag on this series (InfluxDB stores
 * no empty tag value).
 */
function seriesKey(row: readonly unknown[], tags: readonly { at: number; name: string }[]): string {
  let key = '';
  for (const t of tags) {
    const v = row[t.at];
    if (v === null || v === undefined) continue;
    const text = String(v);
    key += `${t.name}${text.length}:${text}`;
  }
  return key;
}
