import { groupFindings, groupScope, KIND_CHANGES, KIND_TITLES, type FindingGroup } from '../model/finding-groups';
import type { BucketInsight, Cadence, Finding, FindingKind, InsightsReport, MeasurementInsight, TagDriver } from '../model/insights';
import { plural } from '../model/plural';
import { formatNumber } from '../model/format';

const DAY_MS = 86_400_000;

/** Which findings each part of the Insights screen shows. */
export const WRITER_KINDS: readonly FindingKind[] = ['time-tag', 'write-time-stamps', 'week-label', 'clock-offset'];
export const FRESHNESS_KINDS: readonly FindingKind[] = ['never-written', 'silent'];
export const HEALTH_KINDS: readonly FindingKind[] = ['type-change', 'rejected-writes', 'series-limit'];

export function findingsOfKinds(findings: readonly Finding[], kinds: readonly FindingKind[]): Finding[] {
  return findings.filter((f) => kinds.includes(f.kind));
}

/** The findings about one measurement (or about its bucket as a whole, with `measurement` null). */
export function findingsFor(findings: readonly Finding[], bucket: string, measurement: string | null): Finding[] {
  return findings.filter((f) => f.bucket === bucket && f.measurement === measurement);
}

/** The tag key whose new values keep making new series: the first that grows with time, else none. */
export function growthDriver(m: Pick<MeasurementInsight, 'drivers'>): TagDriver | null {
  return m.drivers.find((d) => d.growsWithTime) ?? null;
}

/** No measurement holds a point yet: the screen offers sample data instead of empty tables. */
export function isEmptyReport(report: InsightsReport): boolean {
  return report.buckets.every((b) => b.measurements.every((m) => m.lastWritten === null && m.series === 0));
}

export interface Headroom {
  /** Series still free under the limit at full retention (negative: over it). */
  remaining: number;
  /** Projected series as a share of the limit (0..1, more when over). */
  share: number;
  tone: 'green' | 'amber' | 'red';
  /** "42%", "<1%": the share for a badge. */
  percent: string;
  text: string;
}

const count = (x: number) => formatNumber(Math.round(x));

/** How far the projection at full retention stays from the series limit. */
export function headroom(b: Pick<BucketInsight, 'projectedSeries' | 'seriesLimit'>): Headroom {
  const remaining = b.seriesLimit - b.projectedSeries;
  const share = b.seriesLimit > 0 ? b.projectedSeries / b.seriesLimit : 1;
  const percent = `${share < 0.01 && b.projectedSeries > 0 ? '<1' : String(Math.round(share * 100))}%`;
  if (remaining < 0)
    return { remaining, share, tone: 'red', percent, text: `${count(-remaining)} series over the limit of ${count(b.seriesLimit)} at full retention` };
  const tone = share >= 0.8 ? 'red' : share >= 0.5 ? 'amber' : 'green';
  return {
    remaining,
    share,
    tone,
    percent,
    text: `${count(remaining)} series of headroom (${percent} of the ${count(b.seriesLimit)} limit used at full retention)`,
  };
}

/** Whole days since a time (floored), or null for never. */
export function daysSince(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  return Math.max(0, Math.floor((now - ms) / DAY_MS));
}

/** "3 days ago", "5 h ago", "never". */
export function formatAge(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '—';
  const minutes = Math.max(0, Math.round((now - ms) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  const days = Math.floor(minutes / 1440);
  return `${days} days ago`;
}

export const CADENCE_TEXT: Record<Cadence, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

export type FreshnessStatus = 'fresh' | 'silent' | 'never-written' | 'no-data' | 'outside-spec';

export interface FreshnessRow {
  bucket: string;
  measurement: string;
  detector: string | null;
  cadence: Cadence | null;
  lastWritten: string | null;
  status: FreshnessStatus;
  /** The finding behind a silent or never-written status, with its fix. */
  finding: Finding | null;
}

/** One row per measurement: when it was last written against its cadence, from the findings. */
export function freshnessRows(report: InsightsReport): FreshnessRow[] {
  return report.buckets.flatMap((b) =>
    b.measurements.map((m) => {
      const finding = report.findings.find((f) => f.bucket === b.name && f.measurement === m.name && FRESHNESS_KINDS.includes(f.kind)) ?? null;
      const status: FreshnessStatus = finding
        ? finding.kind === 'silent'
          ? 'silent'
          : 'never-written'
        : m.cadence === null
          ? 'outside-spec'
          : m.lastWritten === null
            ? 'no-data'
            : 'fresh';
      return { bucket: b.name, measurement: m.name, detector: m.detector, cadence: m.cadence, lastWritten: m.lastWritten, status, finding };
    }),
  );
}

export const STATUS_TEXT: Record<FreshnessStatus, { tone: 'green' | 'amber' | 'red' | 'slate'; text: string }> = {
  fresh: { tone: 'green', text: 'on time' },
  silent: { tone: 'red', text: 'silent' },
  'never-written': { tone: 'red', text: 'never written' },
  'no-data': { tone: 'slate', text: 'no data yet' },
  'outside-spec': { tone: 'slate', text: 'not in the spec' },
};

export interface DetectorWarning {
  key: string;
  bucket: string;
  measurement: string;
  detector: string;
  /** "AnomalyDetector has written nothing for 3 days". */
  text: string;
  fix: string;
}

/** The Overview's warnings: each silent or never-written measurement, named by its detector. */
export function detectorWarnings(report: InsightsReport, now: number): DetectorWarning[] {
  return findingsOfKinds(report.findings, FRESHNESS_KINDS).map((f) => {
    const m = report.buckets.find((b) => b.name === f.bucket)?.measurements.find((x) => x.name === f.measurement);
    const detector = m?.detector ?? f.measurement ?? f.bucket;
    const days = daysSince(m?.lastWritten ?? null, now);
    const text =
      f.kind === 'silent' && days !== null
        ? `${detector} has written nothing for ${plural(days, 'day')}`
        : f.kind === 'silent'
          ? `${detector} has gone silent`
          : `${detector} has never written ${f.measurement ?? 'its measurement'}`;
    return { key: `${f.kind}:${f.bucket}:${f.measurement ?? ''}`, bucket: f.bucket, measurement: f.measurement ?? '', detector, text, fix: f.fix };
  });
}

/** Open findings per bucket, for the Overview's tiles. */
export function findingCounts(report: InsightsReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of report.findings) counts[f.bucket] = (counts[f.bucket] ?? 0) + 1;
  return counts;
}

// The grouping lives in lib/model (Verify's checks use it on the server too); the screens import it from here.
export { groupFindings, groupScope, KIND_CHANGES, KIND_TITLES, type FindingGroup };
