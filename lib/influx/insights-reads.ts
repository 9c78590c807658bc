import 'server-only';
import type { Connection } from './client';
import { queryRows } from './query';
import { fieldTypeBySliceQuery, periodLabelsQuery, tagValuesQuery } from './queries/insights';
import type { TimeRange } from './queries/stats';

/** What the insights read besides the counts, as plain figures: the query text and rows stay in lib/influx. */

export interface TagValues {
  measurement: string;
  tag: string;
  /** Distinct values by the index. */
  distinctValues: number;
  /** The first few of them (TAG_SAMPLE). */
  sample: string[];
}

/** For each measurement and tag key, from the storage index only: its distinct values and a sample of them. */
export async function tagValues(
  bucket: string,
  keys: readonly { measurement: string; tag: string }[],
  conn: Connection,
  signal?: AbortSignal,
): Promise<TagValues[]> {
  if (keys.length === 0) return [];
  const rows = await queryRows(tagValuesQuery(bucket, keys), conn, signal);
  return keys.map(({ measurement, tag }) => {
    const mine = rows.filter((r) => r.measurement === measurement && r.tag === tag);
    return {
      measurement,
      tag,
      distinctValues: Number(mine.find((r) => r.kind === 'count')?._value ?? 0),
      sample: mine.filter((r) => r.kind === 'value').map((r) => String(r._value)),
    };
  });
}

/** The period label (the value of `tag`) and time (ms) of the first point of each series of one measurement, each pair once. */
export async function periodLabels(
  bucket: string,
  measurement: string,
  tag: string,
  conn: Connection,
  signal?: AbortSignal,
): Promise<{ label: string; time: number }[]> {
  const rows = await queryRows(periodLabelsQuery(bucket, measurement, tag), conn, signal);
  const seen = new Set<string>();
  const out: { label: string; time: number }[] = [];
  for (const r of rows) {
    const label = r[tag];
    const time = Date.parse(String(r._time));
    const key = `${String(label)}\u0000${time}`;
    if (typeof label !== 'string' || Number.isNaN(time) || seen.has(key)) continue;
    seen.add(key);
    out.push({ label, time });
  }
  return out;
}

/** The types one field has in each slice (first() per series, pushed down): a row per slice (its start in `day`) and type. */
export async function fieldTypesBySlice(
  bucket: string,
  measurement: string,
  field: string,
  slices: readonly TimeRange[],
  conn: Connection,
  signal?: AbortSignal,
): Promise<{ measurement: string; field: string; day: string; type: string }[]> {
  if (slices.length === 0) return [];
  const rows = await queryRows(fieldTypeBySliceQuery(bucket, measurement, field, slices), conn, signal);
  return rows.map((r) => ({ measurement: String(r._measurement), field: String(r._field), day: String(r.day), type: String(r.type) }));
}
