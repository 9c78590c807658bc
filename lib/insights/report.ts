import type { BucketInsight, Cadence, Finding, MeasurementInsight, TagDriver } from '../model/insights';
import type { BucketStats, MeasurementStats } from '../model/stats';
import type { BucketSpec } from '../spec/schema';
import { freshnessOf } from './freshness';
import { PERIOD_NOUN, plural } from './periods';
import { periodsIn, projectSeries, retentionDays } from './projection';
import type { RejectionMark } from './rejected';
import { writeTimeStamps } from './stamps';
import { findTimeTag, type TagFacts } from './time-tag';
import { typeChangeDetail, typeChangeFix, type TypeChange } from './type-change';
import { stampFix, timeTagFix } from './writer-fix';

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
  /** Tag sets (series with a point) of each measurement per counted slice (console.db). */
  slices: readonly { start: string; tagSets: Record<string, number> }[];
  typeChanges: readonly TypeChange[];
  /** False when InfluxDB would not list field types (its v1 query API refused): type changes are unknown, not absent. */
  typesChecked?: boolean;
  rejections: RejectionMark | null;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * New series per slice start: a measurement with a time tag makes all its series new in each
 * period; otherwise a slice adds what it holds beyond the most any earlier slice held (series
 * that come back are not new).
 */
function seriesPerDay(name: string, grows: boolean, slices: BucketFacts['slices']): { day: string; created: number }[] {
  let most = 0;
  const out: { day: string; created: number }[] = [];
  for (const s of [...slices].sort((a, b) => a.start.localeCompare(b.start))) {
    const n = s.tagSets[name] ?? 0;
    if (n === 0) continue;
    const created = grows ? n : Math.max(0, n - most);
    most = Math.max(most, n);
    out.push({ day: s.start.slice(0, 10), created });
  }
  return out;
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
  const projection = projectSeries(m.series, timeTag && timeFacts ? { ...timeTag, distinctValues: timeFacts.distinctValues } : null, facts.stats.retentionSeconds);
  const drivers: TagDriver[] = [...tags].sort((a, b) => b.distinctValues - a.distinctValues).map((t) => ({ tag: t.tag, distinctValues: t.distinctValues, growsWithTime: t.tag === timeTag?.tag }));
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
  const period = spec?.period ?? timeTag?.period;
  if (period && period !== 'day') {
    const stamps = writeTimeStamps({ measurement: m.name, period, records: m.records, series: m.series, seriesPerPeriod: timeFacts ? m.series / Math.max(1, timeFacts.distinctValues) : null, ...(timeFacts ? { periods: timeFacts.distinctValues } : {}), perDay: m.perDay, lastTime: m.lastTime });
    if (stamps) add('write-time-stamps', stamps.detail, stampFix(m.name, timeTag?.tag ?? null, period));
  }
  if (spec && cadence) {
    const fresh = freshnessOf({ measurement: m.name, detector: spec.detector, cadence, lastWritten: m.records > 0 ? m.lastTime : null, bucketCreatedAt: facts.createdAt, othersWritten, now });
    if (fresh) add(fresh.kind, fresh.detail, fresh.fix);
  }
  for (const c of facts.typeChanges.filter((t) => t.measurement === m.name)) add('type-change', typeChangeDetail(c), typeChangeFix(c, spec?.fields[c.field]));

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
  const assessed = all.map((m) => assess(facts, m, written.some((n) => n !== m.name), now));
  const measurements = assessed.map((a) => a.insight);
  const findings = assessed.flatMap((a) => a.findings);
  const bucketName = facts.stats.name;
  const series = measurements.reduce((n, m) => n + m.series, 0);
  const projected = measurements.reduce((n, m) => n + m.projectedSeries, 0);
  if (projected > seriesLimit) {
    const top = [...measurements].sort((a, b) => b.projectedSeries - a.projectedSeries)[0];
    const driver = top?.timeTag ? `, driven by the "${top.timeTag}" tag of ${top.name} (${fmt(top.projectedSeries)})` : top ? `, most of it ${top.name} (${fmt(top.projectedSeries)})` : '';
    findings.push({
      kind: 'series-limit',
      bucket: bucketName,
      measurement: null,
      detail: `${bucketName} is projected to hold ${fmt(projected)} series at full retention, over the limit of ${fmt(seriesLimit)} (${fmt(series)} now${driver}). InfluxDB's memory and query time grow with series.`,
      fix: top?.timeTag ? `Apply the time-tag change to HomeIQ's writer (see the time-tag finding of ${top.name}); or raise seriesLimit in the spec if the server is sized for it.` : `Reduce the tag values written (fewer entities per point), shorten the retention, or raise seriesLimit in the spec if the server is sized for it.`,
    });
  }
  const r = facts.rejections;
  if (r) {
    findings.push({
      kind: 'rejected-writes',
      bucket: bucketName,
      measurement: null,
      detail: `InfluxDB refused ${plural(r.droppedPoints, 'point')} written to ${bucketName}${r.failedWrites > 0 ? ` (${plural(r.failedWrites, 'failed write request')})` : ''} since ${new Date(r.since).toISOString()}, counted by /metrics since influxd started. The writer got a 422 "partial write"; HomeIQ's client only logs it.`,
      fix: `Find the cause in influxd's log ("partial write": a field type conflict or points outside the retention) and in HomeIQ's ai-pattern-service log; a type-change finding names the field. The refused points are not in ${bucketName}: write them again once fixed.`,
    });
  }
  return {
    bucket: { name: bucketName, series, projectedSeries: projected, seriesLimit, measurements, typeChangesChecked: facts.typesChecked ?? true, rejectedWrites: r ? { droppedPoints: r.droppedPoints, failedWrites: r.failedWrites, since: new Date(r.since).toISOString() } : null },
    findings,
  };
}
