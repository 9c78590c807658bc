import { connection } from '@/lib/influx/client';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BucketStats } from '@/lib/model/stats';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { readStats } from '@/lib/use-cases/read-stats';
import { runChecks } from '@/lib/verify/run';
import { startInfluxd, stopInfluxd, withOwnInfluxd } from '../support/influxd';
import { rawApi, resetBuckets } from '../support/reset';
import { refreshedExactly as exactly, truth } from '../support/truth';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';
const midnight = (daysAgo: number) => Math.floor(Date.now() / 86_400_000 - daysAgo) * 86_400_000;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** HomeIQ's wire format for time_based_daily; `omit` drops fields as its writer drops None and NaN. */
function point(daysAgo: number, entity: string, omit: string[] = [], hour = 0): string {
  const at = midnight(daysAgo) + hour * 3_600_000;
  const fields: Record<string, string> = { frequency: '1.5', confidence: '0.9', occurrences: '3i', peak_hours: '"[8]"' };
  const set = Object.entries(fields)
    .filter(([k]) => !omit.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `time_based_daily,date=${date(at)},domain=light,entity_id=${entity} ${set} ${at}000000`;
}

/** Writes straight to InfluxDB, as HomeIQ does: the console is not told. */
async function write(lines: string[], api: (path: string, init?: RequestInit) => Promise<Response> = rawApi): Promise<void> {
  const res = await api(`/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(res.status).toBe(204);
}

/** A fresh refresh of the daily bucket, checked against the raw rows; returns the figures. */
const refreshedExactly = (): Promise<BucketStats> => exactly(DAILY);

const entities = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `light.${prefix}_${i}`);

describe('counts refreshed incrementally stay exact (ground truth: distinct series and time of the raw rows)', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });

  it('after fields missing, a point written twice, a backfill 60 days back and a delete, recounting only the slices touched', async () => {
    await write([1, 2, 3, 4, 5].flatMap((d) => entities('a', 10).map((e) => point(d, e))));
    const cold = await refreshedExactly();
    expect(cold.recountedSlices).toBe(cold.countedSlices);
    expect(cold.records).toBe(50);

    // Nothing written since: nothing is counted again.
    expect((await refreshedExactly()).recountedSlices).toBe(0);

    // Points missing the field a one-field count would use, others missing different fields, one point written again.
    await write([
      point(1, 'light.b_0', ['confidence']),
      point(1, 'light.b_1', ['frequency', 'occurrences']),
      point(1, 'light.b_2', ['peak_hours']),
      point(1, 'light.a_0'),
    ]);
    const fields = await refreshedExactly();
    expect(fields.records).toBe(53);
    expect(fields.recountedSlices).toBeLessThanOrEqual(2);

    // A backfill into a day 60 days back, after the first count.
    await write(entities('c', 4).map((e) => point(60, e)));
    const backfill = await refreshedExactly();
    expect(backfill.records).toBe(57);
    expect(backfill.recountedSlices).toBeLessThanOrEqual(2);

    // A delete with a predicate (the API HomeIQ's operators call through `influx delete`); its range includes both ends.
    const res = await rawApi(`/api/v2/delete?org=homeiq&bucket=${DAILY}`, {
      method: 'POST',
      body: JSON.stringify({
        start: new Date(midnight(3)).toISOString(),
        stop: new Date(midnight(2) - 1_000).toISOString(),
        predicate: '_measurement="time_based_daily" AND domain="light"',
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(204);
    const deleted = await refreshedExactly();
    expect(deleted.records).toBe(47);
    expect(deleted.recountedSlices).toBeLessThan(deleted.countedSlices);
  });

  it('after a delete that leaves every series in place (points removed from series that keep others)', async () => {
    await write([3, 4].flatMap((d) => entities('a', 5).flatMap((e) => [point(d, e, [], 0), point(d, e, [], 6), point(d, e, [], 12)])));
    expect((await refreshedExactly()).records).toBe(30);
    const res = await rawApi(`/api/v2/delete?org=homeiq&bucket=${DAILY}`, {
      method: 'POST',
      body: JSON.stringify({
        start: new Date(midnight(3) + 5 * 3_600_000).toISOString(),
        stop: new Date(midnight(3) + 7 * 3_600_000).toISOString(),
        predicate: '_measurement="time_based_daily"',
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(204);
    expect((await refreshedExactly()).records).toBe(25);
  });

  it('after the verify write probe: nothing counted again, as the probe changes no record', async () => {
    await write([1, 2, 3, 4, 5, 6, 7, 8].flatMap((d) => entities('a', 5).map((e) => point(d, e))));
    const full = unwrap(await readStats(DAILY, { mode: 'full' }))[0];
    expect(full?.records).toBe(40);
    for await (const r of runChecks(ai5Spec(), { only: `bucket-write:${DAILY}`, conn: connection() })) expect(r.status).toBe('pass');
    const after = await refreshedExactly();
    expect(after.records).toBe(40);
    expect(after.recountedSlices).toBe(0);
  });

  it("after the verify write probe with HomeIQ's writes not yet counted: those are counted, not every slice", async () => {
    await write([1, 2, 3, 4, 5, 6, 7, 8].flatMap((d) => entities('a', 5).map((e) => point(d, e))));
    unwrap(await readStats(DAILY, { mode: 'full' }));
    await write(entities('b', 3).map((e) => point(0, e)));
    for await (const r of runChecks(ai5Spec(), { only: `bucket-write:${DAILY}`, conn: connection() })) expect(r.status).toBe('pass');
    const after = await refreshedExactly();
    expect(after.records).toBe(43);
    expect(after.recountedSlices).toBeLessThanOrEqual(2);
  });

  it('stops a count every caller has left, keeps the slices it finished, and the next refresh counts only the rest', async () => {
    await write([1, 10, 20, 30, 40].flatMap((d) => entities('a', 3).map((e) => point(d, e))));
    const controller = new AbortController();
    const stopped = await readStats(DAILY, { mode: 'full', signal: controller.signal, onSlice: (_bucket, done) => done === 3 && controller.abort() });
    expect(stopped.ok).toBe(false);
    if (!stopped.ok) expect(stopped.error.message).toMatch(/stopped/);
    const resumed = await refreshedExactly();
    expect(resumed.records).toBe(15);
    // Which slices the stopped run had saved depends on their order of completion: a range is what is known.
    expect(resumed.recountedSlices).toBeGreaterThan(0);
    expect(resumed.recountedSlices).toBeLessThanOrEqual(resumed.countedSlices - 3);
  });

  it('after the bucket is deleted and created again with the same name', async () => {
    await write(entities('a', 6).map((e) => point(2, e)));
    expect((await refreshedExactly()).records).toBe(6);
    await resetBuckets();
    await provision(ai5Spec(), undefined, connection());
    await write(entities('z', 2).map((e) => point(4, e)));
    const again = await refreshedExactly();
    expect(again.records).toBe(2);
    expect(again.recountedSlices).toBe(again.countedSlices);
  });

  it('shares the counts with the CLI through console.db: a CLI run after the server counted recounts nothing', async () => {
    await write(entities('a', 3).map((e) => point(1, e)));
    await refreshedExactly();
    const run = promisify(execFile);
    const { stdout } = await run('npx', ['tsx', '--conditions=react-server', 'cli/main.ts', 'stats', '--json'], { env: process.env, cwd: process.cwd() });
    const json = JSON.parse(stdout) as { buckets: { name: string; records: number; recountedSlices: number; countedAt: string }[] };
    const daily = json.buckets.find((b) => b.name === DAILY);
    expect(daily?.records).toBe(3);
    expect(daily?.recountedSlices).toBe(0);
  }, 60_000);
});

describe('counts after influxd itself changes', () => {
  it('after influxd restarts between counts (its counters start again)', async () => {
    await withOwnInfluxd('', async (server) => {
      forgetCachedReads();
      await provision(ai5Spec(), undefined, connection());
      const api = (path: string, init: RequestInit = {}) =>
        fetch(server.url + path, { ...init, headers: { Authorization: `Token ${server.token}`, ...(init.headers ?? {}) } });
      await write(
        entities('a', 5).map((e) => point(2, e)),
        api,
      );
      expect((await refreshedExactly()).records).toBe(5);
      // Written after the count, then the restart: the write counters that would show it are gone.
      await write([point(2, 'light.a_0', [], 1), point(30, 'light.late')], api);
      const stateFile = readdirSync(server.state)[0] ?? '';
      const state = Object.fromEntries(
        readFileSync(join(server.state, stateFile), 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split('=') as [string, string]),
      );
      process.kill(Number(state.pid), 'SIGTERM');
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(Number(state.pid), 0);
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          break;
        }
      }
      const again = await startInfluxd(['--port', new URL(server.url).port, '--data', state.data ?? '']);
      try {
        const after = await refreshedExactly();
        expect(after.records).toBe(7);
        expect(after.recountedSlices).toBe(after.countedSlices);
      } finally {
        await stopInfluxd(again.state);
      }
    });
  }, 120_000);

  it('after a delete of points influxd already moved from its cache to disk (the WAL shows nothing then)', async () => {
    // A cold shard's cache is written to disk after 1 s: its WAL is empty, and a delete appends nothing to it.
    await withOwnInfluxd('--storage-cache-snapshot-write-cold-duration 1s', async (server) => {
      forgetCachedReads();
      await provision(ai5Spec(), undefined, connection());
      const api = (path: string, init: RequestInit = {}) =>
        fetch(server.url + path, { ...init, headers: { Authorization: `Token ${server.token}`, ...(init.headers ?? {}) } });
      await write(
        [...entities('gone', 4).map((e) => point(20, e)), ...entities('kept', 3).map((e) => point(20, e)), ...entities('new', 2).map((e) => point(1, e))],
        api,
      );
      const walOf = async () => {
        const text = await (await api('/metrics')).text();
        return text
          .split('\n')
          .filter((l) => l.startsWith('storage_wal_size{'))
          .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
      };
      for (let i = 0; i < 100 && (await walOf()) > 0; i++) await new Promise((r) => setTimeout(r, 200));
      expect(await walOf(), 'every shard snapshotted').toBe(0);
      expect((await refreshedExactly()).records).toBe(9);
      const tsmOf = async () =>
        (await (await api('/metrics')).text())
          .split('\n')
          .filter((l) => l.startsWith('storage_tsm_files_disk_bytes{'))
          .join();
      const tsm = await tsmOf();
      const day = new Date(midnight(20)).toISOString();
      const res = await api(`/api/v2/delete?org=homeiq&bucket=${DAILY}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ start: day, stop: new Date(midnight(19)).toISOString(), predicate: 'entity_id="light.gone_0"' }),
      });
      expect(res.status).toBe(204);
      expect(await walOf(), 'the delete left no trace in the WAL').toBe(0);
      // influxd rewrites the tombstoned TSM file within seconds: that is the signal.
      for (let i = 0; i < 100 && (await tsmOf()) === tsm; i++) await new Promise((r) => setTimeout(r, 200));
      expect(await tsmOf()).not.toBe(tsm);
      const after = await refreshedExactly();
      expect(after.records).toBe(8);
    });
  }, 120_000);

  it('after a shortened retention lets old shard groups expire', async () => {
    await withOwnInfluxd('--storage-retention-check-interval 1s', async (server) => {
      forgetCachedReads();
      await provision(ai5Spec(), undefined, connection());
      const api = (path: string, init: RequestInit = {}) =>
        fetch(server.url + path, { ...init, headers: { Authorization: `Token ${server.token}`, ...(init.headers ?? {}) } });
      await write([...entities('old', 4).map((e) => point(60, e)), ...entities('new', 3).map((e) => point(1, e))], api);
      expect((await refreshedExactly()).records).toBe(7);
      const buckets = (await (await api(`/api/v2/buckets?org=homeiq&name=${DAILY}`)).json()) as { buckets: { id: string }[] };
      const id = buckets.buckets[0]?.id ?? '';
      const patched = await api(`/api/v2/buckets/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ retentionRules: [{ type: 'expire', everySeconds: 30 * 86_400 }] }),
        headers: { 'Content-Type': 'application/json' },
      });
      expect(patched.status).toBe(200);
      // Wait for influxd's retention service to drop the shard group of 60 days ago.
      for (let i = 0; i < 100 && [...(await truth(DAILY)).values()].reduce((n, t) => n + t.records, 0) !== 3; i++) await new Promise((r) => setTimeout(r, 200));
      const after = await refreshedExactly();
      expect(after.records).toBe(3);
      expect(after.retentionSeconds).toBe(30 * 86_400);
    });
  }, 120_000);
});
