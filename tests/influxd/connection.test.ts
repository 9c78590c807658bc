import { describe, expect, it } from 'vitest';
import { connection } from '@/lib/influx/client';
import { toConsoleError } from '@/lib/influx/errors';
import { getHealth, getReady } from '@/lib/influx/health';
import { findOrg } from '@/lib/influx/orgs';
import { readConnectionStatus } from '@/lib/influx/diagnose';

describe('the gateway against a real influxd', () => {
  it('reads the version of the real server from /health', async () => {
    const health = await getHealth(connection());
    expect(health.status).toBe('pass');
    expect(health.version).toMatch(/^v2\.\d+\.\d+/);
    expect((await getReady(connection())).ready).toBe(true);
  });

  it('reports a wrong token as unauthorized, with the fix', async () => {
    const env = connection().env;
    const bad = connection({ ...env, token: 'not-a-real-token' });
    const error = await findOrg('homeiq', bad).then(
      () => null,
      (e: unknown) => toConsoleError(e),
    );
    expect(error?.code).toBe('unauthorized');
    expect(error?.fix).toContain('INFLUXDB_TOKEN');
    expect(JSON.stringify(error)).not.toContain('not-a-real-token');
  });

  it('reports a stopped server as unreachable, with the seed fix', async () => {
    const env = connection().env;
    const closed = connection({ ...env, url: 'http://127.0.0.1:9' });
    const error = await getHealth(closed).then(
      () => null,
      (e: unknown) => toConsoleError(e),
    );
    expect(error?.code).toBe('unreachable');
    expect(error?.fix).toContain('Verify InfluxDB is running');
  });

  it('shows the connection status the Overview displays, without the token', async () => {
    const status = await readConnectionStatus();
    expect(status.error).toBeNull();
    expect(status.org).toBe('homeiq');
    expect(status.orgID).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(status)).not.toContain(process.env.INFLUXDB_TOKEN ?? 'x');
  });
});
