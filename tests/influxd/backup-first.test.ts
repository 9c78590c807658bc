import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { readAudit } from '@/lib/audit/log';
import { deleteBucket } from '@/lib/use-cases/delete-bucket';
import { deleteData } from '@/lib/use-cases/delete-data';
import { previewDataDelete } from '@/lib/use-cases/preview-data-delete';
import { listBackups } from '@/lib/use-cases/list-backups';
import { updateBucket } from '@/lib/use-cases/update-bucket';
import { rawBucketId, rawInfluxql, rawSeedBucket } from '../support/raw-buckets';
import { resetBuckets } from '../support/reset';
import { temporaryBackupDir } from '../support/backup-dir';
import { captureCli } from '../support/cli';
import { rawNonOperatorToken } from '../support/raw-tokens';
import { unwrap } from '../support/unwrap';

/**
 * A backup before every destructive change (issue 32): delete data, delete a bucket, shorten a
 * retention and provision's destructive steps back the bucket up first, on by default; the backup
 * restores what was removed, a failed backup changes nothing, and --no-backup takes none.
 */
const BUCKET = 'bf_src';
const DAILY = 'pattern_aggregates_daily';
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const entities = ['light.kitchen', 'light.hall', 'switch.fan'];
const MEASUREMENTS = ['time_based_daily', 'anomaly_daily'];

/** HomeIQ's daily aggregates over 30 days: 90 time_based_daily points, and an anomaly every fourth. */
function lines(): string[] {
  const out: string[] = [];
  for (let d = 1; d <= 30; d++) {
    const at = today - d * DAY;
    for (const [i, e] of entities.entries()) {
      out.push(`time_based_daily,domain=${e.split('.')[0]},entity_id=${e} occurrences=${i + d}i,confidence=0.${d} ${at}000000`);
      if ((d + i) % 4 === 0) out.push(`anomaly_daily,entity_id=${e},anomaly_type=spike anomaly_score=0.${d},severity="high" ${at}000000`);
    }
  }
  return out;
}

function createSource(name: string, retentionDays: number): Promise<void> {
  const description = name === DAILY ? { description: 'Daily pattern aggregates (Epic AI-5)' } : {};
  return rawSeedBucket({ name, retentionRules: [{ type: 'expire', everySeconds: retentionDays * 86_400 }], ...description }, lines());
}

/** Every stored point of a bucket, one text each (InfluxQL reads them whole), sorted. */
async function rows(bucket: string): Promise<string[]> {
  const out: string[] = [];
  for (const m of MEASUREMENTS) {
    for (const s of await rawInfluxql(bucket, `SELECT * FROM "${m}" WHERE time >= 0`))
      for (const row of s.values) out.push(`${m}|${s.columns.map((c, i) => `${c}=${JSON.stringify(row[i])}`).join(',')}`);
  }
  return out.sort();
}

const kitchen = (r: string) => r.startsWith('time_based_daily|') && r.includes('"light.kitchen"');

const cli = captureCli;

const listed = async () => unwrap(await listBackups()).map((b) => b.id);

const backups = temporaryBackupDir('console-backup-first-');

/** The backup dir set to a path under a file: no backup can be written there. */
function unwritableBackupDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'console-backup-first-bad-'));
  writeFileSync(join(parent, 'a-file'), 'not a folder');
  return join(parent, 'a-file', 'backups');
}

describe('a backup before every destructive change', () => {
  beforeEach(async () => {
    await resetBuckets();
    await createSource(BUCKET, 60);
  });
  afterEach(async () => {
    process.env.CONSOLE_BACKUP_DIR = backups;
    await resetBuckets();
  });

  const selection = [
    '--bucket',
    BUCKET,
    '--measurement',
    'time_based_daily',
    '--where',
    'entity_id=light.kitchen',
    '--start',
    iso(today - 40 * DAY),
    '--stop',
    iso(today),
  ];

  it('backs the bucket up before a data delete: the backup is listed, and restored as a new bucket it gives back the deleted points', async () => {
    const before = await rows(BUCKET);
    const deleted = before.filter(kitchen);
    expect(deleted.length).toBe(30);

    const run = await cli(['data', 'delete', ...selection, '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.json as { dryRun: boolean; points: Record<string, number>; deleted: number; backup: { id: string; dir: string; restore: string } };
    expect(out).toMatchObject({ dryRun: false, points: { time_based_daily: 30 }, deleted: 30 });
    expect(out.backup).toEqual({
      id: expect.stringMatching(/^\d{8}T\d{6}Z/),
      dir: join(backups, out.backup.id),
      restore: `homeiq-console backup restore ${out.backup.id} --bucket ${BUCKET} --as ${BUCKET}_restored`,
    });
    expect((await rows(BUCKET)).filter(kitchen), 'the delete happened').toEqual([]);

    expect(await listed()).toContain(out.backup.id);
    const audit = readAudit({ action: 'data.delete', bucket: BUCKET, limit: 1 })[0];
    expect(audit?.after, 'the audit row names the backup').toMatchObject({ deleted: 30, backup: out.backup.id });

    const restored = await cli(['backup', 'restore', out.backup.id, '--bucket', BUCKET, '--as', 'bf_restored', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.json).toEqual({ bucket: 'bf_restored', records: before.length, verified: true });
    const back = await rows('bf_restored');
    expect(back.length, 'counts equal to before the delete').toBe(before.length);
    expect(back.filter(kitchen), 'the deleted points are back').toEqual(deleted);
    expect(back).toEqual(before);
  });

  it('says in words which backup was taken and how to restore it', async () => {
    const run = await cli(['data', 'delete', ...selection, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `Backed up ${BUCKET} first as \\d{8}T\\d{6}Z\\S* \\(.*\\); to get the data back as a new bucket: homeiq-console backup restore \\S+ --bucket ${BUCKET} --as ${BUCKET}_restored`,
      ),
    );
  });

  it('backs the bucket up before deleting it: restored under its old name, every point is back', async () => {
    const before = await rows(BUCKET);
    const run = await cli(['buckets', 'delete', BUCKET, '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Backing up: shards \[#{30}\] 100% (\d+)\/\1$/m);
    const out = run.json as { id: string; name: string; backup: { id: string; dir: string; restore: string } };
    expect(out).toMatchObject({
      name: BUCKET,
      backup: { id: expect.any(String), dir: expect.any(String), restore: expect.stringContaining(`backup restore ${out.backup.id} --bucket ${BUCKET}`) },
    });
    expect(await rawBucketId(BUCKET), 'the bucket is gone').toBeNull();
    expect(await listed()).toContain(out.backup.id);
    expect(readAudit({ action: 'bucket.delete', bucket: BUCKET, limit: 1 })[0]?.after).toEqual({ backup: out.backup.id });

    const restored = await cli(['backup', 'restore', out.backup.id, '--bucket', BUCKET, '--as', BUCKET, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.json).toEqual({ bucket: BUCKET, records: before.length, verified: true });
    expect(await rows(BUCKET)).toEqual(before);
  });

  it('backs the bucket up before shortening its retention, and says how to restore', async () => {
    const id = (await rawBucketId(BUCKET)) ?? '';
    const updated = unwrap(await updateBucket({ id, retention: '45d', description: '', confirmName: BUCKET }, CLI_ACTOR));
    expect(updated.retentionSeconds).toBe(45 * 86_400);
    expect(updated.backup?.restore).toBe(`homeiq-console backup restore ${updated.backup?.id ?? ''} --bucket ${BUCKET} --as ${BUCKET}_restored`);
    expect(await listed()).toContain(updated.backup?.id);
    expect(readAudit({ action: 'bucket.update', bucket: BUCKET, limit: 1 })[0]?.after).toMatchObject({ retention: '45d', backup: updated.backup?.id });
    // A longer retention expires nothing: no backup.
    expect(unwrap(await updateBucket({ id, retention: '60d', description: '' }, CLI_ACTOR)).backup).toBeNull();
  });

  it("backs a bucket up before provision's destructive step, and not with --no-backup", async () => {
    await createSource(DAILY, 400);
    const run = await cli(['provision', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr, 'the backup first shows its progress').toMatch(/^Backing up: shards \[#{30}\] 100% (\d+)\/\1$/m);
    const step = (run.json as { steps: { bucket: string; status: string; destructive: boolean; backup?: { id: string; restore: string } }[] }).steps.find(
      (s) => s.bucket === DAILY,
    );
    expect(step).toMatchObject({
      status: 'done',
      destructive: true,
      backup: { id: expect.any(String), restore: expect.stringContaining(`--bucket ${DAILY}`) },
    });
    expect(await listed()).toContain(step?.backup?.id);
    expect(readAudit({ action: 'provision.update', bucket: DAILY, limit: 1 })[0]?.after).toMatchObject({ retention: '90d', backup: step?.backup?.id });

    await resetBuckets();
    await createSource(DAILY, 400);
    const count = (await listed()).length;
    const without = await cli(['provision', '--yes', '--no-backup', '--json']);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr).not.toContain('Backing up');
    const plain = (without.json as { steps: { bucket: string; status: string }[] }).steps.find((s) => s.bucket === DAILY);
    expect(plain).toMatchObject({ status: 'done' });
    expect(plain).not.toHaveProperty('backup');
    expect((await listed()).length).toBe(count);
  });

  it('changes nothing when the backup cannot be written, and says how to go on without one', async () => {
    const before = await rows(BUCKET);
    const count = (await listed()).length;
    const bad = unwritableBackupDir();
    process.env.CONSOLE_BACKUP_DIR = bad;

    const run = await cli(['data', 'delete', ...selection, '--yes']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nothing was changed: the delete backs up bf_src first, and that backup failed.');
    expect(run.stderr).toContain(`Cannot write the backup into ${bad}`);
    expect(run.stderr).toContain('--no-backup');

    const gone = await cli(['buckets', 'delete', BUCKET, '--yes']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('Nothing was changed: deleting bf_src backs up bf_src first');

    const id = (await rawBucketId(BUCKET)) ?? '';
    const shorter = await updateBucket({ id, retention: '45d', description: '', confirmName: BUCKET }, CLI_ACTOR);
    expect(shorter.ok).toBe(false);
    if (!shorter.ok) expect(shorter.error.fix).toContain('uncheck "Back up the bucket first"');

    expect(await rawBucketId(BUCKET), 'the bucket is still there').toBe(id);
    expect(await rows(BUCKET), 'every point is still there').toEqual(before);
    process.env.CONSOLE_BACKUP_DIR = backups;
    expect((await listed()).length, 'no backup listed').toBe(count);
    expect(readAudit({ action: 'data.delete', bucket: BUCKET, limit: 1 })[0]).toMatchObject({
      result: 'failed',
      message: expect.stringContaining('that backup failed'),
    });
  });

  it('changes nothing with a token that is not an operator token, naming the token and --no-backup', async () => {
    const token = await rawNonOperatorToken();
    const before = await rows(BUCKET);
    const operator = process.env.INFLUXDB_TOKEN;
    process.env.INFLUXDB_TOKEN = token;
    try {
      const preview = unwrap(await previewDataDelete({ bucket: BUCKET, measurement: 'time_based_daily', start: iso(today - 40 * DAY), stop: iso(today) }));
      const refused = await deleteData(
        { bucket: BUCKET, measurement: 'time_based_daily', start: iso(today - 40 * DAY), stop: iso(today), confirmName: BUCKET, previewId: preview.previewId },
        CLI_ACTOR,
      );
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.message).toContain('The backup API needs an operator token');
        expect(refused.error.fix).toContain('influx auth create --operator');
        expect(refused.error.fix).toContain('--no-backup');
      }
      const id = (await rawBucketId(BUCKET)) ?? '';
      const kept = await deleteBucket({ id, confirmName: BUCKET }, CLI_ACTOR);
      expect(kept.ok).toBe(false);
      process.env.INFLUXDB_TOKEN = operator;
      expect(await rows(BUCKET), 'nothing deleted').toEqual(before);

      // The same preview, confirmed again without a backup: the token may delete data.
      process.env.INFLUXDB_TOKEN = token;
      const done = unwrap(
        await deleteData(
          {
            bucket: BUCKET,
            measurement: 'time_based_daily',
            start: iso(today - 40 * DAY),
            stop: iso(today),
            confirmName: BUCKET,
            previewId: preview.previewId,
            backupFirst: false,
          },
          CLI_ACTOR,
        ),
      );
      expect(done).toMatchObject({ deleted: 90, backup: null });
    } finally {
      process.env.INFLUXDB_TOKEN = operator;
    }
  });

  it('takes no backup with --no-backup, and the JSON is as it was before backups', async () => {
    const count = readdirSync(backups).length;
    const run = await cli(['data', 'delete', ...selection, '--yes', '--no-backup', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toEqual({ dryRun: false, points: { time_based_daily: 30 }, deleted: 30 });
    const gone = await cli(['buckets', 'delete', BUCKET, '--yes', '--no-backup', '--json']);
    expect(gone.code, gone.stderr).toBe(0);
    expect(gone.json).toEqual({ id: expect.any(String), name: BUCKET });
    expect(await rawBucketId(BUCKET)).toBeNull();
    expect(readdirSync(backups).length, 'no backup made').toBe(count);
  });
});
