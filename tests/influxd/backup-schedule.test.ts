import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAlerts } from '@/lib/use-cases/read-alerts';
import { requireConfig } from '@/lib/config';
import { evaluateAlerts } from '@/lib/use-cases/shared/alerting';
import { listBackups } from '@/lib/use-cases/list-backups';
import { lastScheduledRun } from '@/lib/backup/scheduled-run';
import { backupScheduler } from '@/lib/use-cases/shared/backup-scheduler';
import { drillBackup } from '@/lib/use-cases/shared/drill-backup';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { rawApi, resetBuckets } from '../support/reset';
import { captureCli } from '../support/cli';
import { unwrap } from '../support/unwrap';

/**
 * Scheduled backups with a compressed clock (issue 32): the scheduler itself runs real backups
 * against influxd at the times the clock says, the keep rule removes the oldest (a folder an
 * older format left among them), and a failed scheduled backup prunes nothing and opens an alert
 * that the next good backup resolves.
 */
const SRC = 'sched_src';
const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse('2026-03-01T00:00:00Z');

let root: string;
const saved = { dir: process.env.CONSOLE_BACKUP_DIR, schedule: process.env.CONSOLE_BACKUP_SCHEDULE };

async function orgID(): Promise<string> {
  const res = await rawApi('/api/v2/orgs?org=homeiq');
  return ((await res.json()) as { orgs: { id: string }[] }).orgs[0]?.id ?? '';
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'console-backup-schedule-'));
  process.env.CONSOLE_BACKUP_DIR = root;
  await resetBuckets();
  const res = await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID: await orgID(), name: SRC, retentionRules: [] }) });
  expect(res.status).toBe(201);
  const now = Date.now();
  const lines = Array.from(
    { length: 12 },
    (_, d) => `time_based_daily,entity_id=light.kitchen occurrences=${d}i,frequency=${d}.5 ${now - (d + 1) * DAY}000000`,
  );
  expect(
    (await rawApi(`/api/v2/write?org=homeiq&bucket=${SRC}&precision=ns`, { method: 'POST', body: lines.join('\n'), headers: { 'Content-Type': 'text/plain' } }))
      .status,
  ).toBe(204);
});

afterAll(async () => {
  for (const [name, value] of [
    ['CONSOLE_BACKUP_DIR', saved.dir],
    ['CONSOLE_BACKUP_SCHEDULE', saved.schedule],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await resetBuckets();
});

const ids = async () => unwrap(await listBackups()).map((b) => b.id);
const openBackupIncidents = async () => unwrap(await readAlerts()).incidents.filter((i) => i.kind === 'backup' && i.resolvedAt === null);

describe('scheduled backups on a compressed clock', () => {
  it('lists backups an older format left, sanely, and refuses to restore them with the way out', async () => {
    // Written before a format change: a console manifest without checksums, counts or format version.
    const legacy = '20260215T020000Z';
    mkdirSync(join(root, legacy));
    writeFileSync(join(root, legacy, 'console-manifest.json'), JSON.stringify({ id: legacy, createdAt: '2026-02-15T02:00:00.000Z', buckets: [{ name: SRC }] }));
    writeFileSync(join(root, legacy, `${legacy}.manifest`), JSON.stringify({ manifestVersion: 2, buckets: [{ bucketName: SRC }] }));
    // influx backup's own folder of the same naming, with no console manifest at all.
    const plain = '20260220T020000Z';
    mkdirSync(join(root, plain));
    const plainManifest = JSON.stringify({ manifestVersion: 2, buckets: [{ bucketName: 'homeiq' }] });
    writeFileSync(join(root, plain, `${plain}.manifest`), plainManifest);
    writeFileSync(join(root, plain, `${plain}.bolt.gz`), 'x'.repeat(100));

    const listed = unwrap(await listBackups());
    expect(listed).toEqual([
      {
        id: plain,
        createdAt: '2026-02-20T02:00:00.000Z',
        bytes: 100 + plainManifest.length,
        buckets: ['homeiq'],
        verified: null,
        verifiedAt: null,
        detail: expect.stringContaining('no console manifest'),
        legacy: true,
      },
      {
        id: legacy,
        createdAt: '2026-02-15T02:00:00.000Z',
        bytes: expect.any(Number),
        buckets: [SRC],
        verified: null,
        verifiedAt: null,
        detail: expect.stringContaining('written by an older console'),
        legacy: true,
      },
    ]);
    const cliList = await captureCli(['backup', 'list', '--json']);
    expect(cliList.json, 'the list contract is unchanged').toEqual(
      [plain, legacy].map((id, i) => ({ id, createdAt: listed[i]?.createdAt, bytes: listed[i]?.bytes, buckets: listed[i]?.buckets, verified: null })),
    );
    const restore = await captureCli(['backup', 'restore', legacy, '--bucket', SRC, '--as', 'from_legacy']);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`Backup ${legacy} has written by an older console`);
    expect(restore.stderr).toContain(`influx restore ${join(root, legacy)}`);
    const verify = await captureCli(['backup', 'verify', plain, '--json']);
    expect(verify.code).toBe(1);
    expect(verify.json).toEqual({ ok: false, detail: expect.stringContaining('the console cannot restore or verify it') });
  });

  it('backs up at the daily slot of the clock, keeps the newest two (the older-format ones first out), and a failure prunes nothing and alerts until the next good backup', async () => {
    let now = T0;
    const scheduler = backupScheduler({ schedule: { kind: 'daily', minuteOfDay: 2 * 60 }, keep: 2, root, now: () => now });
    const after: string[][] = [];
    // Three days in ticks of one hour: the slots missed since the newest backup (Feb 20) run once, at
    // once, and that run stands for the 02:00 slot two hours later; then one backup a day at 02:00,
    // each named after the clock.
    for (let h = 0; h < 72; h++, now += H) {
      const before = await ids();
      await scheduler.tick();
      const current = await ids();
      if (current.join() !== before.join()) after.push(current);
    }
    expect(after).toEqual([
      ['20260301T000000Z', '20260220T020000Z'],
      ['20260302T020000Z', '20260301T000000Z'],
      ['20260303T020000Z', '20260302T020000Z'],
    ]);
    expect(readdirSync(root).sort(), 'pruned folders are gone, nothing partial').toEqual(['.scheduled-backup.json', '20260302T020000Z', '20260303T020000Z']);
    const newest = unwrap(await listBackups())[0];
    expect(newest?.buckets.sort()).toEqual(['homeiq', SRC]);
    expect(await lastScheduledRun(root)).toEqual({ at: '2026-03-03T02:00:00.000Z', ok: true, id: '20260303T020000Z', message: '' });

    // Day 4: InfluxDB cannot be reached at 02:00.
    process.env.CONSOLE_BACKUP_SCHEDULE = 'daily@02:00';
    const real = process.env.INFLUXDB_URL;
    now = T0 + 3 * DAY + 2 * H;
    process.env.INFLUXDB_URL = 'http://127.0.0.1:1';
    try {
      await scheduler.tick();
    } finally {
      process.env.INFLUXDB_URL = real;
    }
    expect(await ids(), 'a failed scheduled backup prunes nothing').toEqual(['20260303T020000Z', '20260302T020000Z']);
    const failed = await lastScheduledRun(root);
    expect(failed).toMatchObject({ at: '2026-03-04T02:00:00.000Z', ok: false, id: null });
    expect(failed?.message).toContain('Fix:');

    await evaluateAlerts(requireConfig(), now + H);
    const open = await openBackupIncidents();
    expect(open.map((i) => i.key)).toEqual(['backup:scheduled-failed']);
    expect(open[0]?.message).toContain('The scheduled backup of 2026-03-04T02:00:00.000Z failed');
    expect(open[0]?.message).toContain('then run `backup create`');

    // Two more days without a good backup: the newest one is older than twice the schedule.
    await evaluateAlerts(requireConfig(), T0 + 4 * DAY + 3 * H);
    expect((await openBackupIncidents()).map((i) => i.key).sort()).toEqual(['backup:scheduled-failed', 'backup:stale']);
    expect((await openBackupIncidents()).find((i) => i.key === 'backup:stale')?.message).toContain('49 hours old, more than twice the schedule (daily@02:00)');

    // The next slot backs up again: both incidents resolve.
    now = T0 + 5 * DAY + 2 * H;
    await scheduler.tick();
    expect(await ids()).toEqual(['20260306T020000Z', '20260303T020000Z']);
    await evaluateAlerts(requireConfig(), now + H);
    expect(await openBackupIncidents()).toEqual([]);
  });

  it('runs the restore drill on each scheduled backup (CONSOLE_BACKUP_DRILL=on); a failed drill is a failed run: nothing pruned, an alert naming the backup', async () => {
    let now = T0 + 6 * DAY + 2 * H;
    let corrupt = false;
    const drilled: string[] = [];
    const scheduler = backupScheduler({
      schedule: { kind: 'daily', minuteOfDay: 2 * 60 },
      keep: 2,
      root,
      now: () => now,
      // The drill the console runs, on a backup whose shard file changed on disk when `corrupt` is set.
      drill: async (id) => {
        drilled.push(id);
        if (corrupt) {
          const shard = readdirSync(join(root, id)).find((f) => /\.\d+\.tar\.gz$/.test(f)) ?? '';
          const bytes = readFileSync(join(root, id, shard));
          bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
          writeFileSync(join(root, id, shard), bytes);
        }
        return drillBackup(id, CLI_ACTOR);
      },
    });
    await scheduler.tick();
    expect(drilled).toEqual(['20260307T020000Z']);
    expect(unwrap(await listBackups()).find((b) => b.id === '20260307T020000Z')?.verified, 'the drill passed and is recorded on the backup').toBe(true);
    expect(await lastScheduledRun(root)).toEqual({ at: '2026-03-07T02:00:00.000Z', ok: true, id: '20260307T020000Z', message: '' });
    expect(await ids()).toEqual(['20260307T020000Z', '20260306T020000Z']);

    corrupt = true;
    now += DAY;
    await scheduler.tick();
    expect(drilled).toEqual(['20260307T020000Z', '20260308T020000Z']);
    expect(await ids(), 'a failed drill prunes nothing').toEqual(['20260308T020000Z', '20260307T020000Z', '20260306T020000Z']);
    expect(unwrap(await listBackups()).find((b) => b.id === '20260308T020000Z')?.verified).toBe(false);
    const run = await lastScheduledRun(root);
    expect(run).toMatchObject({ at: '2026-03-08T02:00:00.000Z', ok: false, id: '20260308T020000Z' });
    expect(run?.message).toMatch(/^Backup 20260308T020000Z was taken, but its restore drill failed: checksums: .*\.tar\.gz/);
    await evaluateAlerts(requireConfig(), now + H);
    const open = await openBackupIncidents();
    expect(open.map((i) => i.key)).toEqual(['backup:scheduled-failed']);
    expect(open[0]?.message).toContain('its restore drill failed');
    expect(open[0]?.message).toContain('`backup verify 20260308T020000Z`');

    // The next backup passes its drill: the incident resolves, and the keep rule prunes again.
    corrupt = false;
    now += DAY;
    await scheduler.tick();
    expect(await ids()).toEqual(['20260309T020000Z', '20260308T020000Z']);
    await evaluateAlerts(requireConfig(), now + H);
    expect(await openBackupIncidents()).toEqual([]);
  });
});
