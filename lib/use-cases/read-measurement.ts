import 'server-only';
import { consoleError, ConsoleFailure } from '../errors';
import { latestPoints as readLatestPoints, recordsPerTagValue } from '../influx/measurement-points';
import { latestWindow } from '../measurement/latest-window';
import { defaultTag, topTagValues } from '../measurement/tag-values';
import type { MeasurementDetail, PointsPage, StoredPoint } from '../model/measurement-detail';
import type { Result } from '../result';
import { processMemo } from '../stats/memo';
import { withInflux } from './context';
import { insightsOf } from './shared/insights';
import { statsOf } from './shared/stats';
import { plural } from '../model/plural';

export interface MeasurementQuery {
  bucket: string;
  measurement: string;
  /** The tag to count records by (default: the first entity tag). */
  tag?: string;
  search?: string;
  /** 1-based page of the newest points. */
  page?: number;
  pageSize?: number;
  limit?: number;
  signal?: AbortSignal;
}

/**
 * Records per tag value read every point of the measurement: kept while its counts say nothing
 * changed (records and newest point), and at most five minutes, for a screen that polls.
 */
const TAG_COUNTS_MS = 5 * 60_000;

/**
 * The newest points are paged this deep at most: a page reads the latest days that hold every point
 * up to it, so a deep page would read (and sort) the whole measurement for one screenful.
 */
export const MAX_PAGED_POINTS = 500;

/**
 * The newest points are read in two sizes only (a screenful, the cap), each kept while the
 * measurement's counts say nothing changed (five minutes at most) and shared by concurrent callers:
 * a viewer paging (or looping on one page, with any page size) costs InfluxDB one read per size and
 * change, never one per request. The reads are newest first from offset 0, and a page is cut from them.
 */
const LATEST_TIERS = [51, MAX_PAGED_POINTS + 1] as const;
const latestPoints = processMemo<StoredPoint[]>('measurement-latest-points', TAG_COUNTS_MS);

/** The smallest read that holds `needed` newest points. */
function latestTier(needed: number): number {
  return LATEST_TIERS.find((t) => t >= needed) ?? MAX_PAGED_POINTS + 1;
}
const tagCounts = processMemo<{ value: string; records: number }[]>('measurement-tag-counts', TAG_COUNTS_MS);

/**
 * One measurement looked at closely: its counts (as the Measurements screen has them), records
 * per value of one tag (read exactly for this measurement), a page of its newest points (reading
 * only the latest days that hold them) and its insights.
 */
export function readMeasurement(q: MeasurementQuery): Promise<Result<MeasurementDetail>> {
  return withInflux(
    async (ctx) => {
      const [stats] = await statsOf(ctx, q.bucket, { signal: q.signal });
      const m = [...(stats?.measurements ?? []), ...(stats?.unexpected ?? [])].find((x) => x.name === q.measurement);
      if (!stats || !m)
        throw new ConsoleFailure(
          consoleError(
            'not_found',
            `Measurement ${q.measurement} is neither in the spec nor in ${q.bucket}.`,
            'Pick a measurement from the Measurements screen.',
          ),
        );
      const page = Math.max(1, q.page ?? 1);
      const pageSize = Math.min(500, Math.max(1, q.pageSize ?? 50));
      const limit = Math.min(1000, Math.max(1, q.limit ?? 20));
      const report = await insightsOf(ctx, q.bucket, { signal: q.signal });
      const insight = report.buckets[0]?.measurements.find((x) => x.name === m.name) ?? null;
      // The spec's order names the entity first (entity_id before domain); otherwise the most distinct values.
      const specTags = ctx.spec.buckets.find((b) => b.name === q.bucket)?.measurements.find((x) => x.name === m.name)?.tags;
      const ordered = specTags ?? insight?.drivers.map((d) => d.tag) ?? m.tagKeys;
      const tag =
        q.tag ??
        defaultTag(
          ordered.filter((t) => m.tagKeys.includes(t)),
          insight?.timeTag,
        );
      if (q.tag !== undefined && !m.tagKeys.includes(q.tag))
        throw new ConsoleFailure(consoleError('invalid', `${m.name} has no tag ${q.tag}.`, `Pick one of its tags: ${m.tagKeys.join(', ') || 'none'}.`));
      if (page * pageSize > MAX_PAGED_POINTS) {
        throw new ConsoleFailure(
          consoleError(
            'invalid',
            `Only the newest ${plural(MAX_PAGED_POINTS, 'point')} are paged here; page ${page} of ${pageSize} goes beyond them.`,
            'To read older points, export a time range (Export on the bucket page, or `homeiq-console data export --bucket B --start T --stop T`).',
          ),
        );
      }
      const tier = latestTier(page * pageSize + 1);
      const window = latestWindow(m.perDay, tier);
      const bucket = await ctx.influx.bucket(q.bucket);
      if (!bucket)
        throw new ConsoleFailure(
          consoleError('not_found', `Bucket ${q.bucket} does not exist in this organization.`, 'Pick a bucket from the Buckets screen, or provision the spec.'),
        );
      const [tagRows, pointRows] = await Promise.all([
        tag && m.records > 0
          ? tagCounts([ctx.influx.conn.env.url, q.bucket, m.name, tag, m.records, m.lastTime].join('\u0000'), () =>
              recordsPerTagValue(bucket, m.name, tag, ctx.influx.conn),
            )
          : Promise.resolve([]),
        window
          ? latestPoints([ctx.influx.conn.env.url, q.bucket, m.name, tier, m.records, m.lastTime].join('\u0000'), () =>
              readLatestPoints(bucket, m.name, window, tier, m.fieldKeys, ctx.influx.conn),
            ).then((rows) => rows.slice((page - 1) * pageSize, page * pageSize + 1))
          : Promise.resolve([]),
      ]);
      const latest: PointsPage = {
        page,
        pageSize,
        points: pointRows.slice(0, pageSize),
        hasMore: pointRows.length > pageSize && (page + 1) * pageSize <= MAX_PAGED_POINTS,
      };
      return {
        bucket: q.bucket,
        measurement: m.name,
        detector: m.detector,
        records: m.records,
        tagKeys: m.tagKeys,
        fieldKeys: m.fieldKeys,
        firstTime: m.firstTime,
        lastTime: m.lastTime,
        perDay: m.perDay,
        perTag: tag ? topTagValues(tag, tagRows, q.search ?? null, limit) : null,
        latest,
        insight,
        findings: report.findings.filter((f) => f.measurement === m.name),
        computedAt: new Date().toISOString(),
      };
    },
    { shareBucketList: true },
  );
}
