import 'server-only';
import { BucketsAPI, type Bucket } from '@influxdata/influxdb-client-apis';
import { ConsoleFailure } from '../errors';
import { bucketIdUnknown } from '../messages';
import type { BucketInfo } from '../model/bucket';
import { formatRetention } from '../model/retention';
import type { Connection } from './client';

export type { BucketInfo };

/** The server's maximum page size. */
export const PAGE_SIZE = 100;

export function toBucketInfo(b: Bucket): BucketInfo {
  const rule = b.retentionRules?.find((r) => r.type === 'expire');
  const retentionSeconds = rule?.everySeconds ?? 0;
  return {
    id: b.id ?? '',
    orgID: b.orgID ?? '',
    name: b.name,
    description: b.description ?? '',
    retentionSeconds,
    retentionText: formatRetention(retentionSeconds),
    shardGroupDurationSeconds: rule?.shardGroupDurationSeconds ?? 0,
    createdAt: b.createdAt ?? '',
    updatedAt: b.updatedAt ?? '',
    system: b.type === 'system' || b.name.startsWith('_'),
  };
}

/** Pages asked for at once: a thousand buckets take three round trips, not eleven. */
const PAGES_IN_FLIGHT = 4;

/**
 * Every bucket the token can see (of one org when orgID is given), across all pages.
 * Offset paging at the server's maximum, a few pages at a time; ids already seen are
 * skipped because the server may append its system buckets to a page.
 */
export async function listBuckets(opts: { orgID?: string } = {}, conn: Connection): Promise<BucketInfo[]> {
  const api = new BucketsAPI(conn.influx);
  const seen = new Map<string, BucketInfo>();
  const page = (offset: number) => api.getBuckets({ ...(opts.orgID ? { orgID: opts.orgID } : {}), limit: PAGE_SIZE, offset });
  // The first page alone (most organizations fit in it), then a few pages at a time.
  for (let offset = 0, inFlight = 1; ; offset += PAGE_SIZE * inFlight, inFlight = PAGES_IN_FLIGHT) {
    const pages = await Promise.all(Array.from({ length: inFlight }, (_, i) => page(offset + i * PAGE_SIZE)));
    let last = false;
    for (const p of pages) {
      const buckets = p.buckets ?? [];
      let fresh = 0;
      for (const b of buckets) {
        if (b.id && !seen.has(b.id)) {
          seen.set(b.id, toBucketInfo(b));
          fresh++;
        }
      }
      if (fresh === 0 || buckets.length < PAGE_SIZE) {
        last = true;
        break;
      }
    }
    if (last) break;
  }
  return [...seen.values()];
}

export async function findBucket(orgID: string, name: string, conn: Connection): Promise<BucketInfo | null> {
  try {
    const page = await new BucketsAPI(conn.influx).getBuckets({ orgID, name });
    const b = page.buckets?.find((x) => x.name === name && x.orgID === orgID);
    return b ? toBucketInfo(b) : null;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
}

/**
 * A bucket by ID, only when it belongs to the organization: a bucket of another organization
 * is `not_found`, exactly like one that does not exist, and its name is never revealed.
 */
export async function getOrgBucket(orgID: string, id: string, conn: Connection): Promise<BucketInfo> {
  let bucket: BucketInfo;
  try {
    bucket = toBucketInfo(await new BucketsAPI(conn.influx).getBucketsID({ bucketID: id }));
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) throw new ConsoleFailure(bucketIdUnknown());
    throw e;
  }
  if (bucket.orgID !== orgID) throw new ConsoleFailure(bucketIdUnknown());
  return bucket;
}

export interface BucketSettings {
  retentionSeconds: number;
  description: string;
  /** Absent: InfluxDB derives it on create, and keeps the bucket's current one on update. */
  shardGroupDurationSeconds?: number;
}

function retentionRule(settings: BucketSettings) {
  return {
    type: 'expire' as const,
    everySeconds: settings.retentionSeconds,
    ...(settings.shardGroupDurationSeconds ? { shardGroupDurationSeconds: settings.shardGroupDurationSeconds } : {}),
  };
}

export async function createBucket(orgID: string, name: string, settings: BucketSettings, conn: Connection): Promise<BucketInfo> {
  const created = await new BucketsAPI(conn.influx).postBuckets({
    body: { orgID, name, description: settings.description, retentionRules: [retentionRule(settings)] },
  });
  return toBucketInfo(created);
}

/**
 * Sets retention and description, and the shard-group duration only when given. InfluxDB's PATCH
 * changes just the rule fields it receives, so the retention is always sent explicitly (the influx
 * CLI's SGD-only update reset it to 30d, influxdata/influxdb#24765) and an absent SGD is left as it is.
 */
export async function updateBucket(id: string, settings: BucketSettings, conn: Connection): Promise<BucketInfo> {
  const updated = await new BucketsAPI(conn.influx).patchBucketsID({
    bucketID: id,
    body: { description: settings.description, retentionRules: [retentionRule(settings)] },
  });
  return toBucketInfo(updated);
}

export async function deleteBucket(id: string, conn: Connection): Promise<void> {
  await new BucketsAPI(conn.influx).deleteBucketsID({ bucketID: id });
}

/** Renames a bucket (its data, ID and settings stay): how a verified restore takes an existing bucket's place. */
export async function renameBucket(id: string, name: string, conn: Connection): Promise<BucketInfo> {
  const updated = await new BucketsAPI(conn.influx).patchBucketsID({ bucketID: id, body: { name } });
  return toBucketInfo(updated);
}
