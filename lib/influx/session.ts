import 'server-only';
import type { InfluxEnv } from '../config';
import { InfluxError } from '../errors';
import { orgMissing } from '../messages';
import { listBuckets, type BucketInfo } from './buckets';
import { connection, connectionKey, type Connection } from './client';
import { findOrg, type OrgInfo } from './orgs';

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

export async function openSession(env?: InfluxEnv): Promise<InfluxSession> {
  const conn = env ? connection(env) : connection();
  const org = await resolveOrg(conn);
  if (!org) throw new InfluxError(orgMissing(conn.env.org));
  let listed: Promise<BucketInfo[]> | undefined;
  const buckets = () => {
    listed ??= listBuckets({ orgID: org.id }, conn);
    listed.catch(() => (listed = undefined));
    return listed;
  };
  return { conn, org, buckets, bucket: async (name) => (await buckets()).find((b) => b.name === name) };
}
