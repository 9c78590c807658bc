import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('configuration', () => {
  it('reads every variable once, with defaults, and empty values as unset', () => {
    const c = parseConfig({ INFLUXDB_URL: 'http://influxdb:8086/', INFLUXDB_TOKEN: 't', CONSOLE_SPEC: '', PORT: '3005' }, '/srv');
    expect(c.ok && c.data).toMatchObject({ org: 'homeiq', specPath: null, sampleIntervalMs: 60_000, sampler: true, dataDir: '/srv/.data', port: 3005 });
    expect(c.ok && c.data.influx).toEqual({ ok: true, data: { url: 'http://influxdb:8086', token: 't', org: 'homeiq' } });
  });

  it("puts backups in the data folder's backups/ unless CONSOLE_BACKUP_DIR says otherwise, with no schedule and no pruning by default", () => {
    const c = parseConfig({ CONSOLE_DATA_DIR: '/var/lib/console' }, '/srv');
    expect(c.ok && c.data).toMatchObject({ backupDir: '/var/lib/console/backups', backupSchedule: { kind: 'off' }, backupKeep: null, backupDrill: false });
    const set = parseConfig(
      { CONSOLE_BACKUP_DIR: '/backups', CONSOLE_BACKUP_SCHEDULE: 'daily@02:30', CONSOLE_BACKUP_KEEP: '7', CONSOLE_BACKUP_DRILL: 'on' },
      '/srv',
    );
    expect(set.ok && set.data).toMatchObject({ backupDir: '/backups', backupSchedule: { kind: 'daily', minuteOfDay: 150 }, backupKeep: 7, backupDrill: true });
    const plain = parseConfig({}, '/srv');
    expect(plain.ok && plain.data.backupDir).toBe('/srv/.data/backups');
  });

  it('reports a missing URL or token as an InfluxDB configuration error, not a start failure', () => {
    const c = parseConfig({});
    expect(c.ok).toBe(true);
    expect(c.ok && !c.data.influx.ok && c.data.influx.error.message).toBe('Configuration incomplete: INFLUXDB_URL is not set; INFLUXDB_TOKEN is not set.');
  });

  it.each([
    ['CONSOLE_SAMPLE_INTERVAL_SECONDS', 'soon'],
    ['CONSOLE_SAMPLE_INTERVAL_SECONDS', '0'],
    ['CONSOLE_SAMPLE_INTERVAL_SECONDS', '1e3'],
    ['CONSOLE_SAMPLER', 'maybe'],
    ['PORT', '70000'],
    ['INFLUXDB_URL', 'influxdb:8086'],
    ['CONSOLE_ALERT_WEBHOOK_URL', 'http://user:PASSWORD@host:99999/PATHSECRET'],
    ['CONSOLE_ALERT_WEBHOOK_URL', 'ftp://host/PATHSECRET'],
    ['CONSOLE_BACKUP_SCHEDULE', 'sometimes'],
    ['CONSOLE_BACKUP_KEEP', '0'],
    ['CONSOLE_BACKUP_KEEP', 'all'],
    ['CONSOLE_BACKUP_DRILL', 'yes'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    const c = parseConfig({ [name]: value });
    expect(c.ok).toBe(false);
    expect(!c.ok && c.error.code).toBe('config');
    expect(!c.ok && c.error.message).toContain(name);
    expect(!c.ok && JSON.stringify(c.error), 'no secret of the value in the error').not.toMatch(/PASSWORD|PATHSECRET/);
  });
});
