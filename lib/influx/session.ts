import 'server-only';
import type { InfluxEnv } from '../config';
import { ConsoleFailure } from '../errors';
import { orgMissing } from '../messages';
import { listBuckets, type BucketInfo } from './buckets';
import { connection, connectionKey, type Connection } from './client';
import { findOrg, type OrgInfo } from './orgs';
import { processCache } from '../process-cache';

/**
 * One conversation with the configured InfluxDB: its connection and the one organization
 * (INFLUXDB_ORG, resolved to its ID) that every read and change acts on.
 */
export interface InfluxSession {
  conn: Connection;
  org: OrgInfo;
  /** Every bucket of the organization, all pages; listed once per session, however often asked. */
  buckets(): Promise<BucketInfo[]>;
  bucket(name: string): Promise<BucketInfo | undefined>;
}

/** An organization's ID does not change: looked up once a minute, not on every request. */
const ORG_TTL_MS = 60_000;
const orgs = new Map<string, { org: OrgInfo; at: number }>();

/** `fresh` asks InfluxDB now: what a diagnosis of the token must do. */
export async function resolveOrg(conn: Connection, opts: { fresh?: boolean } = {}, now: number = Date.now()): Promise<OrgInfo | null> {
  const key = connectionKey(conn.env);
  const hit = orgs.get(key);
  if (!opts.fresh && hit && now - hit.at < ORG_TTL_MS) return hit.org;
  const org = await findOrg(conn.env.org, conn);
  if (org) orgs.set(key, { org, at: now });
  else orgs.delete(key);
  return org;
}

/**
 * Bucket lists shared by read-only sessions for a moment: fifty screens polling the stats cost
 * InfluxDB one list call every LIST_REUSE_MS, not one each. Changes the console makes drop them.
 */
const LIST_REUSE_MS = 2_000;
class SharedLists {
  readonly byKey = new Map<string, { at: number; list: Promise<BucketInfo[]> }>();
  clear(): void {
    this.byKey.clear();
  }
}
const sharedLists = processCache('bucket-lists', () => new SharedLists());

export interface SessionOptions {
  /** A read that may use a bucket list up to LIST_REUSE_MS old (never a change: it plans on the list). */
  shareBucketList?: boolean;
}

export async function openSession(env: InfluxEnv, opts: SessionOptions = {}): Promise<InfluxSession> {
  const conn = connection(env);
  const org = await resolveOrg(conn);
  if (!org) throw new ConsoleFailure(orgMissing(conn.env.org));
  let listed: Promise<BucketInfo[]> | undefined;
  const list = (): Promise<BucketInfo[]> => {
    if (!opts.shareBucketList) return listBuckets({ orgID: org.id }, conn);
    const key = `${connectionKey(conn.env)}|${org.id}`;
    const hit = sharedLists.byKey.get(key);
    if (hit && Date.now() - hit.at < LIST_REUSE_MS) return hit.list;
    const entry = { at: Date.now(), list: listBuckets({ orgID: org.id }, conn) };
    sharedLists.byKey.set(key, entry);
    entry.list.catch(() => sharedLists.byKey.get(key) === entry && sharedLists.byKey.delete(key));
    return entry.list;
  };
  const buckets = () => {
    listed ??= list();
    listed.catch(() => (listed = undefined));
    return listed;
  };
  return { conn, org, buckets, bucket: async (name) => (await buckets()).find((b) => b.name === name) };
}
