import { clockOffset, type Arrival } from './clock-offset';
import type { HomeiqSources } from '../spec/schema';
import type { BucketInsight, Cadence, Finding, MeasurementInsight, TagDriver } from '../model/insights';
import type { BucketStats, MeasurementStats } from '../model/stats';
import type { BucketSpec } from '../spec/schema';
import { freshnessOf, writerOf } from './freshness';
import { PERIOD_NOUN, plural } from './periods';
import { periodsIn, projectSeries, retentionDays } from './projection';
import type { RejectionMark } from './rejected';
import { writeTimeStamps } from './stamps';
import { findTimeTag, type TagFacts } from './time-tag';
import { typeChangeDetail, typeChangeFix, type TypeChange } from './type-change';
import { weekLabelDetail, weekLabelSlips, type LabelledPoint } from './week-label';
import { stampFix, timeTagFix, weekLabelFix } from './writer-fix';
import { formatNumber } from '../model/format';

/** InfluxData's operational-monitoring template alerts at a million series. */
export const DEFAULT_SERIES_LIMIT = 1_000_000;

/** Everything known about one bucket, gathered by the use case (counts, the index, /metrics). */
export interface BucketFacts {
  id: string;
  createdAt: string | null;
  spec: BucketSpec | undefined;
  stats: BucketStats;
  /** Tag keys of each measurement with their distinct values (the index). */
  tags: ReadonlyMap<string, readonly TagFacts[]>;
  /**
   * Tag sets (series with a point) of each measurement per counted slice (console.db), and the
   * same series by the UTC day of their first point in the slice (absent in counts stored before it).
   */
  slices: readonly { start: string; tagSets: Record<string, number>; firstPerDay?: Record<string, Record<string, number>> }[];
  typeChanges: readonly TypeChange[];
  /** False when InfluxDB would not list field types (its v1 query API refused): type changes are unknown, not absent. */
  typesChecked?: boolean;
  rejections: RejectionMark | null;
  /** Who writes and deletes the bucket in HomeIQ's repository (the spec's `homeiq`). */
  sources?: HomeiqSources | undefined;
  /** Newer points the console's refreshes saw arrive, per measurement (arrivals.ts). */
  arrivals?: ReadonlyMap<string, readonly Arrival[]>;
  /** Week labels of each week-tagged measurement with the time of a point carrying them. */
  weekLabels?: ReadonlyMap<string, readonly LabelledPoint[]>;
}

const fmt = (n: number) => formatNumber(n);

/**
 * New series per UTC day, each dated by its first point (a week-long slice of the weekly bucket
 * would otherwise date points of Sunday by its Monday). A measurement with a time tag makes all
 * its series new in each period; otherwise a slice adds what it holds beyond the most any earlier
 * slice held (series that come back are not new), dated by the latest first points of the slice:
 * series seen before show up from its first days on. Counts stored without first days fall back
 * to the slice's start.
 */
function seriesPerDay(name: string, grows: boolean, slices: BucketFacts['slices']): { day: string; created: number }[] {
  let most = 0;
  const byDay = new Map<string, number>();
  // A day with series but none new is kept, at 0, as the slice's day was.
  const put = (day: string, n: number) => byDay.set(day, (byDay.get(day) ?? 0) + n);
  for (const s of [...slices].sort((a, b) => a.start.localeCompare(b.start))) {
    const n = s.tagSets[name] ?? 0;
    if (n === 0) continue;
    let created = grows ? n : Math.max(0, n - most);
    most = Math.max(most, n);
    const first = s.firstPerDay?.[name];
    if (!first) {
      put(s.start.slice(0, 10), created);
      continue;
    }
    for (const [day, count] of Object.entries(first).sort((a, b) => b[0].localeCompare(a[0]))) {
      const here = Math.min(count, created);
      put(day, here);
      created -= here;
    }
  }
  return [...byDay].sort((a, b) => a[0].localeCompare(b[0])).map(([day, created]) => ({ day, created }));
}

interface Assessed {
  insight: MeasurementInsight;
  findings: Finding[];
}

function assess(facts: BucketFacts, m: MeasurementStats, othersWritten: boolean, now: number): Assessed {
  const bucket = facts.stats.name;
  const spec = facts.spec?.measurements.find((x) => x.name === m.name);
  const cadence: Cadence | null = spec ? (spec.cadence ?? spec.period) : null;
  const tags = facts.tags.get(m.name) ?? [];
  const timeTag = m.records > 0 ? findTimeTag(tags) : null;
  const timeFacts = timeTag ? (tags.find((t) => t.tag === timeTag.tag) ?? null) : null;
  const projection = projectSeries(
    m.series,
    timeTag && timeFacts ? { ...timeTag, distinctValues: timeFacts.distinctValues } : null,
    facts.stats.retentionSeconds,
  );
  const drivers: TagDriver[] = [...tags]
    .sort((a, b) => b.distinctValues - a.distinctValues)
    .map((t) => ({ tag: t.tag, distinctValues: t.distinctValues, growsWithTime: t.tag === timeTag?.tag }));
  const findings: Finding[] = [];
  const add = (kind: Finding['kind'], detail: string, fix: string) => findings.push({ kind, bucket, measurement: m.name, detail, fix });

  if (timeTag && timeFacts) {
    const noun = PERIOD_NOUN[timeTag.period];
    const periods = periodsIn(facts.stats.retentionSeconds, timeTag.period);
    const fewer = projection.withoutTimeTag > 0 ? ` (${fmt(Math.round(projection.projected / projection.withoutTimeTag))}× fewer)` : '';
    add(
      'time-tag',
      `The tag "${timeTag.tag}" repeats what _time says, so every ${noun} makes new series: ${fmt(m.series)} series now for ${fmt(m.records)} points (${fmt(timeFacts.distinctValues)} ${noun} values, ${fmt(Math.round(m.series / Math.max(1, timeFacts.distinctValues)))} series per ${noun}); at ${fmt(Math.round(retentionDays(facts.stats.retentionSeconds)))} days' retention${timeTag.period === 'day' ? '' : ` (${fmt(periods)} ${noun}s)`} ${fmt(projection.projected)} series. Dropped or moved to a field: ${fmt(projection.withoutTimeTag)} series${fewer}, the same points.`,
      timeTagFix(m.name, timeTag.tag, timeTag.period),
    );
  }
  const labelled = timeTag?.period === 'week' ? (facts.weekLabels?.get(m.name) ?? []) : [];
  const slips = weekLabelSlips(labelled);
  if (timeTag && slips.length > 0)
    add('week-label', weekLabelDetail(m.name, timeTag.tag, slips, new Set(labelled.map((p) => p.label)).size), weekLabelFix(m.name, timeTag.tag));
  const period = spec?.period ?? timeTag?.period;
  if (period && period !== 'day') {
    const stamps = writeTimeStamps({
      measurement: m.name,
      period,
      records: m.records,
      series: m.series,
      seriesPerPeriod: timeFacts ? m.series / Math.max(1, timeFacts.distinctValues) : null,
      ...(timeFacts ? { periods: timeFacts.distinctValues } : {}),
      perDay: m.perDay,
      lastTime: m.lastTime,
    });
    if (stamps) add('write-time-stamps', stamps.detail, stampFix(m.name, timeTag?.tag ?? null, period));
  }
  if (spec && cadence) {
    const fresh = freshnessOf({
      measurement: m.name,
      detector: spec.detector,
      cadence,
      lastWritten: m.records > 0 ? m.lastTime : null,
      bucketCreatedAt: facts.createdAt,
      othersWritten,
      now,
      sources: facts.sources,
    });
    if (fresh) add(fresh.kind, fresh.detail, fresh.fix);
  }
  for (const c of facts.typeChanges.filter((t) => t.measurement === m.name)) add('type-change', typeChangeDetail(c), typeChangeFix(c, spec?.fields[c.field]));
  const offset = m.records > 0 ? clockOffset(m.name, m.lastTime, now, facts.arrivals?.get(m.name) ?? []) : null;
  if (offset) add('clock-offset', offset.detail, offset.fix);

  return {
    insight: {
      name: m.name,
      detector: m.detector,
      series: m.series,
      projectedSeries: projection.projected,
      seriesPerDay: seriesPerDay(m.name, timeTag !== null, facts.slices),
      drivers,
      lastWritten: m.records > 0 ? m.lastTime : null,
      cadence,
      records: m.records,
      timeTag: timeTag?.tag ?? null,
      seriesWithoutTimeTag: projection.withoutTimeTag,
    },
    findings,
  };
}

/** One bucket's insights and findings, from the facts gathered about it. */
export function bucketInsights(facts: BucketFacts, seriesLimit: number, now: number): { bucket: BucketInsight; findings: Finding[] } {
  const all = [...facts.stats.measurements, ...facts.stats.unexpected];
  const written = all.filter((m) => m.records > 0).map((m) => m.name);
  const assessed = all.map((m) =>
    assess(
      facts,
      m,
      written.some((n) => n !== m.name),
      now,
    ),
  );
  const measurements = assessed.map((a) => a.insight);
  const findings = assessed.flatMap((a) => a.findings);
  const bucketName = facts.stats.name;
  const series = measurements.reduce((n, m) => n + m.series, 0);
  const projected = measurements.reduce((n, m) => n + m.projectedSeries, 0);
  if (projected > seriesLimit) {
    const top = [...measurements].sort((a, b) => b.projectedSeries - a.projectedSeries)[0];
    const driver = top?.timeTag
      ? `, driven by the "${top.timeTag}" tag of ${top.name} (${fmt(top.projectedSeries)})`
      : top
        ? `, most of it ${top.name} (${fmt(top.projectedSeries)})`
        : '';
    findings.push({
      kind: 'series-limit',
      bucket: bucketName,
      measurement: null,
      detail: `${bucketName} is projected to hold ${fmt(projected)} series at full retention, over the limit of ${fmt(seriesLimit)} (${fmt(series)} now${driver}). InfluxDB's memory and query time grow with series.`,
      fix: top?.timeTag
        ? `Apply the time-tag change to HomeIQ's writer (see the time-tag finding of ${top.name}); or raise seriesLimit in the spec if the server is sized for it.`
        : `Reduce the tag values written (fewer entities per point), shorten the retention, or raise seriesLimit in the spec if the server is sized for it.`,
    });
  }
  const r = facts.rejections;
  if (r) {
    findings.push({
      kind: 'rejected-writes',
      bucket: bucketName,
      measurement: null,
      detail: `InfluxDB refused ${plural(r.droppedPoints, 'point')} written to ${bucketName}${r.failedWrites > 0 ? ` (${plural(r.failedWrites, 'failed write request')})` : ''} since ${new Date(r.since).toISOString()}, counted by /metrics since influxd started. The writer got a 422 "partial write"; HomeIQ's client only logs it.`,
      fix: `Find the cause in influxd's log ("partial write": a field type conflict or points outside the retention) and in the log of ${writerOf(facts.sources)}; a type-change finding names the field. The refused points are not in ${bucketName}: write them again once fixed.`,
    });
  }
  return {
    bucket: {
      name: bucketName,
      series,
      projectedSeries: projected,
      seriesLimit,
      measurements,
      typeChangesChecked: facts.typesChecked ?? true,
      rejectedWrites: r ? { droppedPoints: r.droppedPoints, failedWrites: r.failedWrites, since: new Date(r.since).toISOString() } : null,
    },
    findings,
  };
}
