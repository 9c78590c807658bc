import { describe, expect, it } from 'vitest';
import { toConsoleError } from './errors';
import { bucketRefusal, refusedPermission } from './permission';

describe('a refused permission named, not a raw 401/403', () => {
  it("turns InfluxDB's 401 `<permission> is unauthorized` into forbidden naming the permission", () => {
    const e = toConsoleError({ statusCode: 401, json: { code: 'unauthorized', message: 'write:orgs/84c4785080a5b495/buckets is unauthorized' } });
    expect(e.code).toBe('forbidden');
    expect(e.message).toBe("The console's token was refused: it needs write:orgs/84c4785080a5b495/buckets.");
    expect(e.fix).toContain('Grant write:orgs/84c4785080a5b495/buckets');
  });

  it('keeps a plain 401 (a bad token) as unauthorized', () => {
    expect(toConsoleError({ statusCode: 401, json: { code: 'unauthorized', message: 'unauthorized access' } }).code).toBe('unauthorized');
  });

  it('explains a token create beyond what the console holds', () => {
    const e = refusedPermission(403, 'permission write:orgs/abc/dashboards is not allowed: write:orgs/abc/dashboards is unauthorized');
    expect(e?.message).toContain('cannot give a token write:orgs/abc/dashboards');
  });

  it('names the bucket and the permission of a refused write or delete', () => {
    expect(bucketRefusal('pattern_aggregates_daily', 'delete').message).toBe(
      "The console's token cannot delete data in bucket pattern_aggregates_daily: it needs write:orgs/<org ID>/buckets/<ID of pattern_aggregates_daily> (or write:orgs/<org ID>/buckets).",
    );
  });
});

describe('an inactive console token', () => {
  it('is named as inactive, not as a missing permission', async () => {
    const { refusedOn } = await import('./permission');
    const refusal = { statusCode: 403, body: '{"code":"forbidden","message":"token is inactive"}', json: { code: 'forbidden', message: 'token is inactive' } };
    await expect(refusedOn('b', 'write', () => Promise.reject(refusal))).rejects.toMatchObject({
      detail: { code: 'unauthorized', message: "The console's token is inactive: InfluxDB refuses its writes." },
    });
    await expect(
      refusedOn('b', 'write', () => Promise.reject({ ...refusal, body: '', json: { message: 'insufficient permissions for write' } })),
    ).rejects.toMatchObject({ detail: { code: 'forbidden' } });
  });
});
