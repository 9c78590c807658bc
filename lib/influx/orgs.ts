import 'server-only';
import { OrgsAPI } from '@influxdata/influxdb-client-apis';
import { ConsoleFailure } from '../errors';
import { orgMissing } from '../messages';
import type { Connection } from './client';

export interface OrgInfo {
  id: string;
  name: string;
}

/** Finds an organization by name; null when it does not exist or the token cannot see it. */
export async function findOrg(name: string, conn: Connection): Promise<OrgInfo | null> {
  try {
    const res = await new OrgsAPI(conn.influx).getOrgs({ org: name });
    const org = res.orgs?.find((o) => o.name === name);
    return org?.id ? { id: org.id, name: org.name } : null;
  } catch (e) {
    // OSS answers 404 when no org of that name exists.
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
}

export async function requireOrg(name: string, conn: Connection): Promise<OrgInfo> {
  const org = await findOrg(name, conn);
  if (!org) throw new ConsoleFailure(orgMissing(name));
  return org;
}
