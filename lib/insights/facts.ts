import 'server-only';
import type { BucketInfo } from '../influx/buckets';
import type { Connection } from '../influx/client';
import { fieldTypes } from '../influx/field-types';
import { fieldTypesBySlice, periodLabels, tagValues } from '../influx/insights-reads';
import type { BucketStats } from '../model/stats';
import type { ConsoleSpec } from '../spec/schema';
import { QueryCancelled } from '../influx/cancelled';
import { processMemo } from '../stats/memo';
import { scrapeMetrics } from '../stats/scrape';
import { loadCounts, type StoredSlice } from '../stats/slice-store';
import { arrivalsOf } from './arrivals';
import { markRejections } from './rejection-store';
import { rejectionsOf } from './rejected';
import type { BucketFacts } from './report';
import { findTimeTag, type TagFacts } from './time-tag';
import type { LabelledPoint } from './week-label';
import { mixedFields, typeDays, type TypeChange } from './type-change';
import { log } from '../log';

/** What the index says about each tag of each measurement that has points (one query, index only). */
async function tagFacts(conn: Connection, stats: BucketStats, signal?: AbortSignal): Promise<Map<string, TagFacts[]>> {
  const keys = [...stats.measurements, ...stats.unexpected].filter((m) => m.records > 0).flatMap((m) => m.tagKeys.map((tag) => ({ measurement: m.name, tag })));
  const out = new Map<string, TagFacts[]>();
  for (const { measurement, tag, distinctValues, sample } of await tagValues(stats.name, keys, conn, signal)) {
    out.set(measurement, [...(out.get(measurement) ?? []), { tag, distinctValues, sample }]);
  }
  return out;
}

/** For each week-tagged measurement, its labels with the time of the first point of each series. */
async function weekLabels(
  conn: Connection,
  bucket: string,
  tags: ReadonlyMap<string, readonly TagFacts[]>,
  signal?: AbortSignal,
): Promise<Map<string, LabelledPoint[]>> {
  const out = new Map<string, LabelledPoint[]>();
  for (const [measurement, facts] of tags) {
    const timeTag = findTimeTag(facts);
    if (timeTag?.period !== 'week') continue;
    const points: LabelledPoint[] = await periodLabels(bucket, measurement, timeTag.tag, conn, signal);
    out.set(measurement, points);
  }
  return out;
}

/**
 * Fields with two types across shards: the index lists them (SHOW FIELD KEYS, no data read);
 * only for those, the slices holding each type (first() per series and slice, pushed down).
 */
async function typeChanges(conn: Connection, bucket: string, slices: readonly StoredSlice[], signal?: AbortSignal): Promise<TypeChange[] | null> {
  const listed = await fieldTypes(bucket, conn, signal);
  if (listed === null) {
    log.warn('insights: type changes not checked (InfluxDB answered no SHOW FIELD KEYS for the bucket)', { bucket });
    return null;
  }
  const mixed = mixedFields(listed);
  const found: TypeChange[] = [];
  for (const f of mixed) {
    const holding = slices.filter((s) => (s.counts[f.measurement]?.records ?? 0) > 0);
    const days = typeDays(await fieldTypesBySlice(bucket, f.measurement, f.field, holding, conn, signal));
    // The index keeps a type after its points are deleted: only a change still in the data is reported.
    found.push(...days);
  }
  return found;
}

/**
 * The index reads behind a bucket's insights (tag values, field types; 0.5 to 1.3 s of InfluxDB's
 * CPU at HomeIQ's scale) are kept while the bucket's counts say nothing changed, two minutes at
 * most: a screen, or a viewer, asking in a loop costs InfluxDB one read per change.
 */
const INDEX_MS = 2 * 60_000;
const indexMemo = processMemo<readonly [Awaited<ReturnType<typeof tagFacts>>, Awaited<ReturnType<typeof typeChanges>>, Awaited<ReturnType<typeof weekLabels>>]>(
  'insights-index',
  INDEX_MS,
);

/** The caller stops waiting when its signal aborts; the shared work goes on for the others. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new QueryCancelled());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new QueryCancelled());
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * What the insights of one bucket are computed from: its counts (console.db, as `stats` left
 * them), the index (tag values, field types) and /metrics. Data is read only for a field the
 * index lists with two types.
 */
export async function bucketFacts(conn: Connection, spec: ConsoleSpec, bucket: BucketInfo, stats: BucketStats, signal?: AbortSignal): Promise<BucketFacts> {
  const url = conn.env.url;
  const stored = loadCounts({ url, bucketId: bucket.id });
  const slices = [...(stored?.slices.values() ?? [])];
  const key = [url, bucket.id, stats.records, stats.firstTime ?? '', stats.lastTime ?? '', slices.length].join('\u0000');
  // Shared by concurrent callers and run to its end, whoever leaves: not tied to one caller's signal.
  const index = indexMemo(key, async () => {
    const [tags, changes] = await Promise.all([tagFacts(conn, stats), typeChanges(conn, bucket.name, slices)]);
    return [tags, changes, await weekLabels(conn, bucket.name, tags)] as const;
  });
  const [[tags, changes, labels], scrape] = await Promise.all([signal ? untilAborted(index, signal) : index, scrapeMetrics(conn)]);
  const rejections = scrape ? markRejections(url, bucket.id, rejectionsOf(scrape.families, bucket.id), scrape.at) : null;
  return {
    id: bucket.id,
    createdAt: bucket.createdAt || null,
    spec: spec.buckets.find((b) => b.name === bucket.name),
    stats,
    tags,
    slices: slices.map((s) => ({
      start: s.start,
      tagSets: Object.fromEntries(Object.entries(s.counts).map(([m, c]) => [m, c.tagSets])),
      firstPerDay: Object.fromEntries(Object.entries(s.counts).flatMap(([m, c]) => (c.firstPerDay ? [[m, c.firstPerDay]] : []))),
    })),
    typeChanges: changes ?? [],
    typesChecked: changes !== null,
    rejections,
    sources: spec.homeiq,
    arrivals: new Map([...stats.measurements, ...stats.unexpected].map((m) => [m.name, arrivalsOf(url, bucket.id, m.name)])),
    weekLabels: labels,
  };
}
