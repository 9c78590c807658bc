import type { Finding, FindingKind } from './insights';
import { plural } from './plural';

/** Findings whose fix is a change to HomeIQ's writer (the others: the pipeline or the server). */
const WRITER_CHANGE: readonly FindingKind[] = ['time-tag', 'write-time-stamps', 'week-label', 'clock-offset'];

export const KIND_TITLES: Record<FindingKind, string> = {
  'time-tag': 'A tag that grows with time',
  'write-time-stamps': 'Periodic points stamped with the write time',
  'week-label': 'Week labels with the calendar year, not the ISO year',
  'clock-offset': "Stamps in the writer's local time, read as UTC",
  'never-written': 'Never written',
  silent: 'Gone silent',
  'type-change': 'A field changed type',
  'rejected-writes': 'Writes rejected or dropped',
  'series-limit': 'Series limit in sight',
};

/** For each kind, the one change that fixes every finding of it (each finding's own fix names the exact line). */
export const KIND_CHANGES: Record<FindingKind, string> = {
  'time-tag': 'Write the period as a field, or drop it, instead of a tag. _time already says it.',
  'write-time-stamps': "Stamp each periodic point with its period's start, not the write time. A rewrite then overwrites instead of adding a point.",
  'week-label': 'Build week labels with %G-W%V, the ISO year, not %Y-W%V.',
  'clock-offset': 'Stamp points with an aware UTC time, datetime.now(timezone.utc), not the local datetime.now().',
  'never-written': "Look in the writer's log for the detector's errors. Its write call fails, is caught and only logged.",
  silent: "Look in the writer's log for the detector's errors. Its write call fails, is caught and only logged.",
  'type-change': 'Write each field with one type everywhere. The spec names the type.',
  'rejected-writes': "Find the refused writes in influxd's log and the writer's, fix them, then write them again.",
  'series-limit': 'Stop the series growth (a time-valued tag first), or raise seriesLimit in the spec.',
};

/** Kinds in a steady order: the writer's first, then freshness, then health. */
const KIND_ORDER = Object.keys(KIND_TITLES) as FindingKind[];

export interface FindingGroup {
  kind: FindingKind;
  title: string;
  /** The one change that fixes every finding of the kind. */
  change: string;
  /** Whether the change is to HomeIQ's writer (rather than to the pipeline or the server). */
  writer: boolean;
  /** "bucket/measurement" (or the bucket) of each finding of the kind, without repeats. */
  where: string[];
  /** The findings themselves, for their numbers and exact fixes. */
  findings: Finding[];
  /** "3 measurements in 2 buckets", "1 bucket". */
  scope: string;
}

/** "3 measurements in 2 buckets": how far a kind of finding reaches. */
export function groupScope(findings: readonly Finding[]): string {
  const buckets = new Set(findings.map((f) => f.bucket)).size;
  const measurements = new Set(findings.filter((f) => f.measurement).map((f) => `${f.bucket}/${f.measurement}`)).size;
  if (measurements === 0) return plural(buckets, 'bucket');
  return buckets > 1 ? `${plural(measurements, 'measurement')} in ${plural(buckets, 'bucket')}` : plural(measurements, 'measurement');
}

/** Findings grouped by kind, one group per kind in a steady order: what the Overview, Verify and Insights show. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<FindingKind, Finding[]>();
  for (const f of findings) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
  return [...groups]
    .sort(([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))
    .map(([kind, list]) => ({
      kind,
      title: KIND_TITLES[kind],
      change: KIND_CHANGES[kind],
      writer: WRITER_CHANGE.includes(kind),
      where: [...new Set(list.map((f) => (f.measurement ? `${f.bucket}/${f.measurement}` : f.bucket)))],
      findings: list,
      scope: groupScope(list),
    }));
}
