import 'server-only';
import { consoleError } from '../errors';
import { findAuthorizationBySecret, probeToken } from '../influx/authorizations';
import { toConsoleError } from '../influx/errors';
import type { BucketInfo } from '../model/bucket';
import { canBucket, joinWords, type TokenCheck } from '../model/token';
import { fail, type Result } from '../result';
import { withInflux } from './context';

export type { TokenCheck };

const CREATE_WRITER = "create a writer with `homeiq-console tokens create --role writer --out homeiq-writer.token` and set the service's INFLUXDB_TOKEN to it";

function fixOf(check: Omit<TokenCheck, 'fix'>, ctx: { org: string; id?: string; missing: string[] }): string | undefined {
  if (!check.valid) return `InfluxDB does not know this token (made up, mistyped, deleted, or inactive and not visible to the console): ${CREATE_WRITER}.`;
  if (!check.active) return `The token is inactive: activate it${ctx.id ? ` (\`homeiq-console tokens activate ${ctx.id}\`)` : ''}, or ${CREATE_WRITER}.`;
  if (check.org !== null && check.org !== ctx.org)
    return `The token belongs to organization ${check.org}, but HomeIQ's buckets are in ${ctx.org}: ${CREATE_WRITER}.`;
  if (ctx.missing.length)
    return `${joinWords(ctx.missing)} ${ctx.missing.length === 1 ? 'does' : 'do'} not exist yet: provision the spec first (\`homeiq-console provision\`).`;
  const unwritable = check.buckets.filter((b) => !b.write).map((b) => b.name);
  if (unwritable.length)
    return `The token cannot write ${joinWords(unwritable)}: ${CREATE_WRITER} (or grant it write on ${unwritable.length === 1 ? 'that bucket' : 'those buckets'} in the InfluxDB UI, Load Data → API Tokens).`;
  return undefined;
}

/**
 * Diagnoses a token given by a person: never logged, stored or returned. On 2.7 and 2.8 the
 * console finds it among the authorizations it can list (InfluxDB returns their secrets there):
 * exact, one call, nothing sent with the candidate. Where it is not found — InfluxDB 2.9 stores
 * tokens hashed by default and lists none, the console's token may not read authorizations, or
 * the token belongs to an org the console cannot see — InfluxDB is asked with the token itself:
 * its bucket list (read) and an empty write to each spec bucket (authorized, stores nothing).
 */
export async function checkToken(secret: string): Promise<Result<TokenCheck>> {
  const candidate = secret.trim();
  if (!candidate || /\s/.test(candidate) || candidate.length > 1024)
    return fail(consoleError('invalid', 'That is not a token: paste one token, on one line.', 'Pipe or paste the token exactly as InfluxDB showed it.'));
  return withInflux(async ({ spec, influx }) => {
    const specBuckets = await Promise.all(spec.buckets.map(async (b) => ({ name: b.name, bucket: await influx.bucket(b.name) })));
    const missing = specBuckets.filter((b) => !b.bucket).map((b) => b.name);
    const existing = specBuckets.flatMap((b) => (b.bucket ? [b.bucket] : []));
    const ctx = { org: influx.org.name, missing };
    let listed: Awaited<ReturnType<typeof findAuthorizationBySecret>>['token'] = null;
    try {
      listed = (await findAuthorizationBySecret(candidate, influx.conn)).token;
    } catch (e) {
      // The console's own token may not read authorizations (least privilege): the probe still answers.
      const code = toConsoleError(e).code;
      if (code !== 'forbidden' && code !== 'unauthorized') throw e;
    }
    if (listed) {
      const active = listed.status === 'active';
      const mine = (b: BucketInfo | undefined, action: 'read' | 'write') => active && !!b && canBucket(listed?.permissions ?? [], b, action);
      const check = {
        valid: true,
        active,
        org: listed.org,
        ...(listed.user ? { user: listed.user } : {}),
        buckets: specBuckets.map(({ name, bucket }) => ({ name, read: mine(bucket, 'read'), write: mine(bucket, 'write') })),
        method: 'listing' as const,
      };
      return withFix(check, { ...ctx, id: listed.id });
    }
    const probe = await probeToken(candidate, influx.org, existing, influx.conn);
    const byId = new Map(probe.buckets.map((b) => [b.id, b]));
    const buckets = specBuckets.map(({ name, bucket }) => ({
      name,
      read: !!bucket && !!byId.get(bucket.id)?.read,
      write: !!bucket && !!byId.get(bucket.id)?.write,
    }));
    const seesOrg = buckets.some((b) => b.read || b.write);
    return withFix({ valid: probe.valid, active: probe.active, org: seesOrg ? influx.org.name : null, buckets, method: 'probe' as const }, ctx);
  });
}

function withFix(check: Omit<TokenCheck, 'fix'>, ctx: { org: string; id?: string; missing: string[] }): TokenCheck {
  const fix = fixOf(check, ctx);
  return fix ? { ...check, fix } : check;
}
