import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as healthAlias } from '@/app/health/route';
import { withOwnInfluxd, stopInfluxd } from '../support/influxd';

const get = async (handler: (req: Request) => Promise<Response>, path = '/api/health') => {
  const res = await handler(new Request(`http://console.test${path}`));
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, { status: string; message?: string }> } };
};

describe("/api/health, the console's own health", () => {
  const savedDir = process.env.CONSOLE_DATA_DIR;
  afterEach(() => {
    process.env.CONSOLE_DATA_DIR = savedDir;
  });

  it('is ok with InfluxDB up, and says nothing secret', async () => {
    const res = await health(new Request('http://console.test/api/health'));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' }, influxdb: { status: 'ok' } } });
    expect(text).not.toContain(process.env.INFLUXDB_TOKEN ?? 'no token');
    expect(text).not.toContain(process.env.INFLUXDB_URL ?? 'no url');
    expect((await get(healthAlias, '/health')).status).toBe(200);
    expect(JSON.parse(text).checks.influxdb.version, 'no version to someone not signed in').toBeUndefined();
  });

  it('answers 200 degraded while InfluxDB is stopped', async () => {
    await withOwnInfluxd('', async (server) => {
      await stopInfluxd(server.state);
      const { status, body } = await get(health);
      expect(status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.checks.influxdb?.status).toBe('down');
      expect(body.checks.database?.status).toBe('ok');
    });
  }, 60_000);

  it('answers 503 down when the data folder is made read-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-health-'));
    process.env.CONSOLE_DATA_DIR = dir;
    expect((await get(health)).body.checks.database?.status).toBe('ok');
    chmodSync(dir, 0o500);
    try {
      const { status, body } = await get(health);
      expect(status).toBe(503);
      expect(body.status).toBe('down');
      expect(body.checks.database?.message).toMatch(/CONSOLE_DATA_DIR/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
