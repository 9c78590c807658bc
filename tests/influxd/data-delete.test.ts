import { connection } from '@/lib/influx/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { readAudit } from '@/lib/audit/log';
import { queryRows } from '@/lib/influx/query';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { deleteData } from '@/lib/use-cases/delete-data';
import { previewDataDelete } from '@/lib/use-cases/preview-data-delete';
import { readStats } from '@/lib/use-cases/read-stats';
import { rawApi, resetBuckets } from '../support/reset';
import { truth } from '../support/truth';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const date = (ms: number) => iso(ms).slice(0, 10);

/** HomeIQ's wire format: a point per entity and day, some without a field (its writer drops None). */
function daily(days: number, entities: string[]): string[] {
  const lines: string[] = [];
  for (let d = 1; d <= days; d++) {
    const at = today - d * DAY;
    for (const [i, e] of entities.entries()) {
      const confidence = i % 3 === 0 ? '' : ',confidence=0.9';
      lines.push(`time_based_daily,date=${date(at)},domain=${e.split('.')[0]},entity_id=${e} frequency=1.5,occurrences=3i${confidence} ${at}000000`);
      lines.push(`duration_daily,date=${date(at)},entity_id=${e} avg_duration_seconds=${d}.5,sessions=${i}i ${at}000000`);
    }
  }
  return lines;
}

async function write(lines: string[]): Promise<void> {
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(res.status).toBe(204);
}

/** Every point (measurement, tag set, time) as read from the raw rows, independently of the console's counts. */
async function points(): Promise<Set<string>> {
  const rows = await queryRows(`from(bucket: "${DAILY}") |> range(start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z)`, connection());
  const skip = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field', '_measurement']);
  return new Set(
    rows.map(
      (r) =>
        `${String(r._measurement)}|${Object.keys(r)
          .filter((k) => !skip.has(k))
          .sort()
          .map((k) => `${k}=${String(r[k])}`)
          .join(',')}|${String(r._time)}`,
    ),
  );
}

/** Points per measurement that are in `before` and not in `after`. */
function removed(before: Set<string>, after: Set<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of before) if (!after.has(p)) out[p.split('|')[0] ?? ''] = (out[p.split('|')[0] ?? ''] ?? 0) + 1;
  return out;
}

const entities = ['light.kitchen', 'light.hall', 'switch.fan', 'sensor.door'];
const range = { start: iso(today - 30 * DAY), stop: iso(today) };

/** Previews, deletes with the name typed, and checks both figures against the raw rows. */
async function deletesExactly(selection: Record<string, unknown>): Promise<Record<string, number>> {
  const before = await points();
  const preview = unwrap(await previewDataDelete({ bucket: DAILY, ...selection }));
  expect(await points(), 'a preview deletes nothing').toEqual(before);
  const done = unwrap(
    await deleteData({ bucket: DAILY, ...selection, confirmName: DAILY, expectedPoints: preview.total, previewId: preview.previewId }, CLI_ACTOR),
  );
  const gone = removed(before, await points());
  expect(preview.points, 'the preview counted what the delete then removed').toEqual(gone);
  expect(done.deleted).toBe(Object.values(gone).reduce((a, b) => a + b, 0));
  expect(done.remaining).toBe(0);
  return preview.points;
}

describe('deleting data with a preview', () => {
  beforeEach(async () => {
    await resetBuckets();
    await provision(ai5Spec(), undefined, connection());
    await write(daily(10, entities));
  });
  afterEach(resetBuckets);

  it('counts exactly what a measurement-only delete removes, points missing a field included', async () => {
    const counted = await deletesExactly({ measurement: 'time_based_daily', ...range });
    expect(counted).toEqual({ time_based_daily: 40 });
    expect((await truth(DAILY)).get('duration_daily')?.records, 'the other measurement is untouched').toBe(40);
  });

  it('counts exactly what a tag-predicate delete removes, across measurements', async () => {
    expect(await deletesExactly({ where: ['entity_id=light.kitchen'], ...range })).toEqual({ time_based_daily: 10, duration_daily: 10 });
    expect(await deletesExactly({ measurement: 'time_based_daily', where: ['domain="light" AND entity_id=light.hall'], ...range })).toEqual({
      time_based_daily: 10,
    });
  });

  it('counts exactly what a time-range delete removes, both ends included as InfluxDB does', async () => {
    // Points exactly at start and at stop are deleted; one nanosecond either side stays.
    await write([
      `time_based_daily,entity_id=edge frequency=1 ${BigInt(today - 3 * DAY) * 1_000_000n - 1n}`,
      `time_based_daily,entity_id=edge frequency=1 ${BigInt(today - 2 * DAY) * 1_000_000n + 1n}`,
    ]);
    const counted = await deletesExactly({ start: iso(today - 3 * DAY), stop: iso(today - 2 * DAY) });
    expect(counted).toEqual({ time_based_daily: 8, duration_daily: 8 });
    const left = [...(await points())].filter((p) => p.includes('entity_id=edge'));
    expect(left).toHaveLength(2);
  });

  it('counts a point written twice once, and deletes nothing when nothing matches', async () => {
    await write([
      `time_based_daily,entity_id=twice frequency=1 ${today - DAY}000000`,
      `time_based_daily,entity_id=twice frequency=2,confidence=1 ${today - DAY}000000`,
    ]);
    expect(await deletesExactly({ where: ['entity_id=twice'], ...range })).toEqual({ time_based_daily: 1 });
    const before = await points();
    const empty = unwrap(await previewDataDelete({ bucket: DAILY, where: ['entity_id=nobody'], ...range }));
    const none = unwrap(await deleteData({ bucket: DAILY, where: ['entity_id=nobody'], ...range, confirmName: DAILY, previewId: empty.previewId }, CLI_ACTOR));
    expect(none).toMatchObject({ total: 0, deleted: 0, points: {} });
    expect(await points()).toEqual(before);
  });

  it('refuses a predicate on _field, OR and a regex with the reason, deleting nothing', async () => {
    const before = await points();
    for (const where of [['_field=confidence'], ['entity_id=light.kitchen OR entity_id=light.hall'], ['entity_id=~/light/']]) {
      const preview = await previewDataDelete({ bucket: DAILY, where, ...range });
      const done = await deleteData({ bucket: DAILY, where, ...range, confirmName: DAILY }, CLI_ACTOR);
      for (const r of [preview, done]) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('invalid');
      }
    }
    expect(await points()).toEqual(before);
  });

  it('deletes nothing without the bucket name typed, or when the data changed since the preview', async () => {
    const before = await points();
    const unnamed = await deleteData({ bucket: DAILY, measurement: 'time_based_daily', ...range, confirmName: 'pattern_aggregates' }, CLI_ACTOR);
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) expect(unnamed.error.fields?.confirmName).toContain(DAILY);
    const preview = unwrap(await previewDataDelete({ bucket: DAILY, measurement: 'time_based_daily', ...range }));
    await write([`time_based_daily,entity_id=late frequency=1 ${today - DAY}000000`]);
    const stale = await deleteData(
      { bucket: DAILY, measurement: 'time_based_daily', ...range, confirmName: DAILY, expectedPoints: preview.total, previewId: preview.previewId },
      CLI_ACTOR,
    );
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.message).toMatch(/changed since the preview: 41 points match now, the preview showed 40/);
    expect((await points()).size).toBe(before.size + 1);
  });

  it('audits the delete, and the record counts follow it on the next refresh', async () => {
    unwrap(await readStats(DAILY, { mode: 'fresh' }));
    await deletesExactly({ measurement: 'duration_daily', where: ['entity_id=switch.fan'], ...range });
    const entry = readAudit({ limit: 5 }).find((e) => e.action === 'data.delete');
    expect(entry).toMatchObject({ bucket: DAILY, result: 'ok', after: { deleted: 10, remaining: 0 } });
    const stats = unwrap(await readStats(DAILY, { mode: 'fresh' }))[0];
    expect(stats?.measurements.find((m) => m.name === 'duration_daily')?.records).toBe((await truth(DAILY)).get('duration_daily')?.records);
    expect(stats?.measurements.find((m) => m.name === 'duration_daily')?.records).toBe(30);
  });

  it('refuses a system bucket and a stop before start', async () => {
    const system = await previewDataDelete({ bucket: '_monitoring', ...range });
    expect(system.ok).toBe(false);
    const backwards = await previewDataDelete({ bucket: DAILY, start: range.stop, stop: range.start });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.fields?.stop).toMatch(/before start/);
  });
});

describe('data delete on the command line', () => {
  beforeEach(async () => {
    await resetBuckets();
    await provision(ai5Spec(), undefined, connection());
    await write(daily(5, entities));
  });
  afterEach(resetBuckets);

  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await runCli(args);
      return { code, out: out.mock.calls.map((c) => String(c[0])).join(''), err: err.mock.calls.map((c) => String(c[0])).join('') };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  const args = [
    'data',
    'delete',
    '--bucket',
    DAILY,
    '--measurement',
    'time_based_daily',
    '--where',
    'entity_id=light.kitchen',
    '--start',
    date(today - 30 * DAY),
    '--stop',
    iso(today),
    '--json',
  ];

  it('prints {dryRun, points, deleted} and exits 2 without --yes, deleting nothing', async () => {
    const before = await points();
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out)).toEqual({ dryRun: true, points: { time_based_daily: 5 }, deleted: null });
    expect(run.err).toMatch(/--yes/);
    const dry = await cli([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toEqual({ dryRun: true, points: { time_based_daily: 5 }, deleted: null });
    expect(await points()).toEqual(before);
  });

  it('deletes with --yes and reports the points removed as counted afterwards', async () => {
    const before = await points();
    // Not about backups (backup-first.test.ts is): --no-backup keeps the JSON exactly {dryRun, points, deleted}.
    const run = await cli([...args, '--yes', '--no-backup']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({ dryRun: false, points: { time_based_daily: 5 }, deleted: 5 });
    expect(removed(before, await points())).toEqual({ time_based_daily: 5 });
  });

  it('refuses _field with the reason and exit 1, and bad times or missing flags as usage errors', async () => {
    const field = await cli(['data', 'delete', '--bucket', DAILY, '--where', '_field=confidence', '--start', '2026-01-01', '--stop', iso(today), '--yes']);
    expect(field.code).toBe(1);
    expect(field.err).toMatch(/cannot delete by field/);
    const time = await cli(['data', 'delete', '--bucket', DAILY, '--start', 'last week', '--stop', iso(today), '--json']);
    expect(time.code).toBe(1);
    expect(JSON.parse(time.out).error.message).toMatch(/not a time/);
    expect((await cli(['data', 'delete', '--bucket', DAILY, '--start', '2026-01-01'])).code).toBe(64);
  });
});
