import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureAdminPassword } from '@/lib/auth/credentials';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createBackup as takeBackup } from '@/lib/use-cases/create-backup';
import type { ProgressStep } from '@/lib/model/progress';
import { GET as progressRoute } from '@/app/api/progress/[id]/route';
import { rawBucketId, rawSeedBucket } from '../support/raw-buckets';
import { resetBuckets } from '../support/reset';
import { temporaryBackupDir } from '../support/backup-dir';
import { unwrap } from '../support/unwrap';

/** The session cookie the next action call carries (server actions read it with next/headers). */
let cookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === SESSION_COOKIE && cookie ? { name, value: cookie } : undefined) }),
  headers: async () => new Headers(),
}));

const { restoreBackup } = await import('@/lib/actions/restore-backup');
const { verifyBackup } = await import('@/lib/actions/verify-backup');
const { createBackup } = await import('@/lib/actions/create-backup');
const { deleteBucket } = await import('@/lib/actions/delete-bucket');

/**
 * The Backups screen's bars: an action handed a progress ID reports its steps under it, and
 * GET /api/progress/<id> answers them to a signed-in page (polled while the action runs).
 */
const BUCKET = 'progress_src';
const DAY = 86_400_000;
temporaryBackupDir('console-backups-progress-');

async function polled(id: string, as: string | null | undefined = cookie): Promise<{ status: number; steps: ProgressStep[] }> {
  const res = await progressRoute(new Request(`http://console.test/api/progress/${id}`, { headers: as ? { cookie: `${SESSION_COOKIE}=${as}` } : {} }));
  if (res.status !== 200) return { status: res.status, steps: [] };
  return { status: 200, steps: ((await res.json()) as { data: ProgressStep[] }).data };
}

describe('progress of the Backups screen actions', () => {
  beforeAll(async () => {
    process.env.CONSOLE_VIEWER_PASSWORD ??= 'integration-viewer-password';
    await ensureAdminPassword();
    await resetBuckets();
    const now = Date.now();
    const lines = Array.from({ length: 20 }, (_, d) => `time_based_daily,entity_id=light.hall occurrences=${d}i ${now - (d + 1) * DAY}000000`);
    await rawSeedBucket({ name: BUCKET, retentionRules: [{ type: 'expire', everySeconds: 90 * 86400, shardGroupDurationSeconds: 7 * 86400 }] }, lines);
  });
  afterAll(resetBuckets);

  it('reports each step of a restore, a drill and a backup under the ID the page made, and answers it while and after it runs', async () => {
    cookie = await startSession('admin');
    const backup = unwrap(await takeBackup({ buckets: [BUCKET] }, CLI_ACTOR));

    const restoreId = randomUUID();
    const seen: ProgressStep[][] = [];
    const restoring = restoreBackup({ id: backup.id, bucket: BUCKET, as: 'progress_restored', progressId: restoreId });
    // The page's poll, while the action runs.
    const poll = setInterval(() => void polled(restoreId).then((p) => seen.push(p.steps)), 20);
    const restored = await restoring.finally(() => clearInterval(poll));
    expect(restored).toMatchObject({ ok: true, data: { bucket: 'progress_restored', records: 20, verified: true } });
    const after = await polled(restoreId);
    expect(after.steps.map((s) => s.label)).toEqual([
      `Restoring ${BUCKET} as progress_restored: shard groups`,
      'Counting every record of progress_restored: shard groups',
    ]);
    for (const s of after.steps) expect(s.done, s.label).toBe(s.total);
    expect(after.steps[0]?.total).toBeGreaterThanOrEqual(3);
    expect(seen.length, 'polled while it ran').toBeGreaterThan(0);

    const drillId = randomUUID();
    expect(await verifyBackup({ id: backup.id, progressId: drillId })).toMatchObject({ ok: true, data: { ok: true } });
    const drill = (await polled(drillId)).steps.map((s) => s.label);
    expect(drill[0]).toMatch(new RegExp(`^Restoring ${BUCKET} as ${BUCKET}_restore_drill_[0-9a-f]{8}: shard groups$`));

    const backupId = randomUUID();
    expect((await createBackup({ progressId: backupId })).ok).toBe(true);
    const shards = (await polled(backupId)).steps.find((s) => s.label === 'Backing up: shards');
    expect(shards && shards.done === shards.total && shards.total >= 3).toBe(true);
  });

  it('reports the backup a destructive change takes first (Delete bucket), under the ID its dialog made', async () => {
    cookie = await startSession('admin');
    const now = Date.now();
    await rawSeedBucket({ name: 'progress_doomed', retentionRules: [{ type: 'expire', everySeconds: 30 * 86400 }] }, [
      `time_based_daily,entity_id=light.porch occurrences=1i ${now - DAY}000000`,
    ]);
    const id = await rawBucketId('progress_doomed');
    const progressId = randomUUID();
    const deleted = await deleteBucket({ id, confirmName: 'progress_doomed', backupFirst: true, progressId });
    expect(deleted).toMatchObject({ ok: true, data: { name: 'progress_doomed', backup: { id: expect.any(String) } } });
    const shards = (await polled(progressId)).steps.find((s) => s.label === 'Backing up: shards');
    expect(shards && shards.total > 0 && shards.done === shards.total).toBe(true);
  });

  it('answers nothing for an ID no action used or one that is not an ID, and nothing to a signed-out caller', async () => {
    cookie = await startSession('viewer');
    expect(await polled(randomUUID())).toEqual({ status: 200, steps: [] });
    expect(await polled('..%2F..%2Fetc')).toEqual({ status: 200, steps: [] });
    expect((await polled(randomUUID(), null)).status).toBe(401);
    // An action refused (a viewer) reports nothing either.
    const id = randomUUID();
    expect((await createBackup({ progressId: id })).ok).toBe(false);
    expect((await polled(id)).steps).toEqual([]);
  });
});
