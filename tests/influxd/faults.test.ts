import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { DEFAULT_SAMPLE, loadSample } from '@/lib/aggregates/load-sample';
import { listBuckets } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import { queryRows } from '@/lib/influx/query';
import { openSession } from '@/lib/influx/session';
import { provision, readPlan } from '@/lib/provision/apply';
import { exportSpec } from '@/lib/provision/export';
import { applyProvision as applyPlanCommand } from '@/lib/use-cases/apply-provision';
import { listBuckets as listOrgBuckets } from '@/lib/use-cases/list-buckets';
import { parseSpec } from '@/lib/spec/load';
import { ai5Spec } from '@/lib/spec/load';
import { readStats } from '@/lib/use-cases/read-stats';
import { readStorage as readStorageResult } from '@/lib/use-cases/read-storage';
import { unwrap } from '../support/unwrap';

const readStorage = async (range: string) => unwrap(await readStorageResult(range));
import { verify } from '@/lib/verify/verify';
import { resetBuckets } from '../support/reset';
import { startInfluxd, stopInfluxd } from '../support/influxd';

const spec = ai5Spec();

/** Every point of every bucket of the org, counted per bucket the plainest way (each field value). */
async function pointCounts(): Promise<Record<string, number>> {
  const org = await requireOrg('homeiq', connection());
  const out: Record<string, number> = {};
  for (const b of await listBuckets({ orgID: org.id }, connection())) {
    const rows = await queryRows(
      `from(bucket: ${JSON.stringify(b.name)}) |> range(start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z) |> count() |> group() |> sum()`,
      connection(),
    );
    out[b.name] = Number(rows[0]?._value ?? 0);
  }
  return out;
}

describe('faults and load against a real influxd', () => {
  it('twenty concurrent provision requests end with exactly the spec buckets, each once, and no error', async () => {
    await resetBuckets();
    const results = await Promise.all(Array.from({ length: 20 }, () => applyPlanCommand({ confirm: [] }, CLI_ACTOR)));
    for (const r of results) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.data.steps.every((s) => s.status === 'done' || s.status === 'noop')).toBe(true);
    }
    const names = (await listBuckets({ orgID: (await requireOrg('homeiq', connection())).id }, connection()))
      .map((b) => b.name)
      .filter((n) => n.startsWith('pattern_'));
    expect(names.sort()).toEqual(['pattern_aggregates_daily', 'pattern_aggregates_weekly']);
  });

  // SIGTERM: InfluxDB goes away mid-run, between two steps. (A stop landing inside a bucket create,
  // SIGKILL or SIGTERM alike, can leave InfluxDB 2.8 unable to start again, "Missing metadata for
  // bucket": its own crash-consistency gap, not something a client can repair. Seen here twice in
  // about ten runs with a timer; so the server is stopped, and gone, before the next create is sent.)
  it('completes a provisioning interrupted by stopping InfluxDB, with no duplicate buckets', async () => {
    // A spec of 80 buckets makes the run long enough to kill the server in the middle.
    const big = parseSpec(
      {
        ...spec,
        name: 'big',
        buckets: Array.from({ length: 80 }, (_, i) => ({ ...spec.buckets[0], name: `interrupted_${String(i).padStart(2, '0')}`, retention: '30d' })),
      },
      'test',
    );
    if (!big.ok) throw new Error(big.error.message);
    const server = await startInfluxd();
    const stateFile = readdirSync(server.state)[0] ?? '';
    const state = Object.fromEntries(
      readFileSync(join(server.state, stateFile), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('=') as [string, string]),
    );
    const conn = connection({ url: server.url, token: server.token, org: 'homeiq' });
    try {
      const pid = Number(state.pid);
      const gone = async () => {
        for (;;) {
          try {
            process.kill(pid, 0);
          } catch {
            return;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      let steps = 0;
      const stopAfterTen = async () => {
        if (++steps !== 10) return;
        process.kill(pid, 'SIGTERM');
        await gone();
      };
      const first = await provision(big.data, { onStep: stopAfterTen }, conn).catch((e: unknown) => e);
      const done =
        first && typeof first === 'object' && 'steps' in first
          ? (first as Awaited<ReturnType<typeof provision>>).steps.filter((s) => s.status === 'done').length
          : 0;
      expect(done).toBeLessThan(80);

      // Back on the same port and data, as a restarted server would be.
      const again = await startInfluxd(['--port', new URL(server.url).port, '--data', state.data ?? '']);
      const second = await provision(big.data, {}, conn);
      expect(second.applied).toBe(true);
      const names = (await listBuckets({}, conn)).map((b) => b.name).filter((n) => n.startsWith('interrupted_'));
      expect(names.length).toBe(80);
      expect(new Set(names).size).toBe(80);
      await stopInfluxd(again.state);
    } finally {
      await stopInfluxd(server.state);
    }
  }, 60_000);

  it('changes no point in any bucket when every feature but delete runs', async () => {
    await resetBuckets();
    await provision(spec, undefined, connection());
    await loadSample(spec, { ...DEFAULT_SAMPLE, days: 20, weeks: 8 }, () => {}, await openSession(connection().env));
    const before = await pointCounts();
    // The sample's size is the generator's business; what matters is that it is unchanged after (below).
    expect(before.pattern_aggregates_daily).toBeGreaterThan(0);

    await readPlan(spec, connection());
    await provision(spec, undefined, connection());
    await applyPlanCommand({ confirm: [] }, CLI_ACTOR);
    await listOrgBuckets();
    const report = await verify(spec, undefined, connection());
    expect(report.ok).toBe(true);
    await readStats(undefined, { mode: 'fresh' });
    await readStorage('24h');
    exportSpec(spec, 'curl');

    expect(await pointCounts()).toEqual(before);
  }, 60_000);
});
