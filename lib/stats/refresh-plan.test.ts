import { describe, expect, it } from 'vitest';
import type { Instance, ShardState, ShardStates } from './change-signal';
import { locateChanges, locateStages, locatesAll, planRefresh, type KnownBucket, type KnownSlice, type Observed } from './refresh-plan';
import { countSlices, currentSlices, sliceKey } from './slices';

const NOW = Date.parse('2026-11-28T15:00:00Z');
const slices = countSlices({ retentionSeconds: 90 * 86_400, shardGroupDurationSeconds: 86_400 }, NOW) ?? [];
const today = sliceKey(currentSlices(slices, NOW)[0] ?? { start: '', stop: '' });
const sixtyDaysAgo = sliceKey(slices.find((s) => s.start === '2026-09-29T00:00:00Z') ?? { start: '', stop: '' });
const influxd: Instance = { id: 'a', startedAt: NOW - 3_600_000 };
const st = (written: number, wal = 0): ShardState => ({ written, writes: written, series: 1, wal });
const timing = { reconcileMs: 86_400_000, noSignalMs: 300_000 };

function known(over: Partial<KnownBucket> = {}, shardsOf: Record<string, string[]> = {}): KnownBucket {
  const map = new Map<string, KnownSlice>(slices.map((s) => [sliceKey(s), { key: sliceKey(s), series: 30, shards: shardsOf[sliceKey(s)] ?? [] }]));
  return {
    instance: influxd,
    shards: { '7': st(10), '8': st(20) },
    refreshedAt: NOW - 60_000,
    reconciledAt: NOW - 3_600_000,
    pending: [],
    slices: map,
    ...over,
  };
}
const seen = (shards: ShardStates | null, over: Partial<Observed> = {}): Observed => ({ now: NOW, instance: influxd, shards, ...over });

describe('which slices a refresh counts again', () => {
  it('counts every slice the first time, on --full, after a restart and on the reconciliation schedule', () => {
    const all = slices.length;
    expect(planRefresh(slices, null, seen({}), 'check', timing).dirty.size).toBe(all);
    expect([...planRefresh(slices, known(), seen(known().shards), 'full', timing).dirty.values()]).toEqual(Array(all).fill('full'));
    const restarted = planRefresh(slices, known(), seen({ '7': st(0), '8': st(0) }, { instance: { id: 'b', startedAt: NOW - 5_000 } }), 'check', timing);
    expect(restarted.whole).toBe(true);
    expect(new Set(restarted.dirty.values())).toEqual(new Set(['restart']));
    expect(planRefresh(slices, known({ reconciledAt: NOW - 86_400_000 }), seen(known().shards), 'check', timing).dirty.size).toBe(all);
    // influxd's id label is its data folder's: a restart shows in its start time, or in a write counter going down.
    expect(planRefresh(slices, known(), seen(known().shards, { instance: { id: 'a', startedAt: NOW - 10_000 } }), 'check', timing).whole).toBe(true);
    expect(
      planRefresh(slices, known(), seen({ '7': st(3), '8': st(20) }, { instance: { id: 'a', startedAt: influxd.startedAt + 500 } }), 'check', timing).whole,
    ).toBe(true);
    expect(planRefresh(slices, known(), seen(known().shards, { instance: { id: 'a', startedAt: influxd.startedAt + 500 } }), 'check', timing).dirty.size).toBe(
      0,
    );
  });

  it('counts nothing while /metrics shows no write, and only the written and current slices after one', () => {
    const k = known({}, { [sixtyDaysAgo]: ['7'], [today]: ['8'] });
    expect(planRefresh(slices, k, seen(k.shards), 'check', timing).dirty.size).toBe(0);
    const plan = planRefresh(slices, k, seen({ '7': st(11), '8': st(20) }), 'check', timing);
    expect(Object.fromEntries(plan.dirty)).toEqual({ [sixtyDaysAgo]: 'shard-written', [today]: 'current' });
    expect(plan.locate).toBe(false);
  });

  it('locates a shard it does not know by the series counts, and learns it', () => {
    const k = known({}, { [today]: ['8'] });
    const plan = planRefresh(slices, k, seen({ '7': st(10), '8': st(20), '9': st(5) }), 'check', timing);
    expect(plan.locate).toBe(true);
    expect(plan.unknownWritten).toEqual(['9']);
    const series = new Map(slices.map((s) => [sliceKey(s), sliceKey(s) === sixtyDaysAgo ? 31 : 30]));
    const located = locateChanges(plan, slices, k, series);
    expect(Object.fromEntries(located.dirty)).toEqual({ [sixtyDaysAgo]: 'series-changed', [today]: 'current' });
    expect(Object.fromEntries(located.learned)).toEqual({ '9': sixtyDaysAgo });
  });

  it("learns the current slice's new shard when the current slice is the one whose series moved", () => {
    const k = known();
    const plan = planRefresh(slices, k, seen({ '7': st(10), '8': st(20), '9': st(5) }), 'check', timing);
    const located = locateChanges(plan, slices, k, new Map(slices.map((s) => [sliceKey(s), sliceKey(s) === today ? 60 : 30])));
    expect(Object.fromEntries(located.dirty)).toEqual({ [today]: 'current' });
    expect(Object.fromEntries(located.learned)).toEqual({ '9': today });
  });

  it('reads the series of the current and empty unclaimed slices first, and of the other unclaimed ones only when those do not place every unknown shard', () => {
    const empty = sliceKey(slices.find((s) => s.start === '2026-10-10T00:00:00Z') ?? { start: '', stop: '' });
    const k = known({}, { [sixtyDaysAgo]: ['7'] });
    const slicesOf = k.slices as Map<string, KnownSlice>;
    slicesOf.set(empty, { key: empty, series: 0, shards: [] });
    const plan = planRefresh(slices, k, seen({ '7': st(10), '8': st(20), '9': st(5) }), 'check', timing);
    const [first = [], rest = []] = locateStages(plan, slices, k, NOW);
    const firstKeys = first.map(sliceKey);
    expect(firstKeys).toContain(today);
    expect(firstKeys).toContain(empty);
    // A slice that claims a shard cannot hold another one: it is never read to place one.
    expect([...firstKeys, ...rest.map(sliceKey)]).not.toContain(sixtyDaysAgo);
    expect(rest.length).toBe(slices.length - first.length - 1);
    // The current slice's series moved: the one unknown shard is placed, no other slice is read.
    const afterFirst = new Map(first.map((s) => [sliceKey(s), sliceKey(s) === today ? 31 : sliceKey(s) === empty ? 0 : 30]));
    expect(locatesAll(plan, slices, k, afterFirst)).toBe(true);
    expect(Object.fromEntries(locateChanges(plan, slices, k, afterFirst).learned)).toEqual({ '9': today });
    // Nothing moved among the first: the rest are read, and if nothing moved there either, the write is unlocated.
    const unmoved = new Map(first.map((s) => [sliceKey(s), sliceKey(s) === empty ? 0 : 30]));
    expect(locatesAll(plan, slices, k, unmoved)).toBe(false);
    const all = new Map([...unmoved, ...rest.map((s): [string, number] => [sliceKey(s), 30])]);
    expect(locateChanges(plan, slices, k, all).dirty.get(sliceKey(rest[0] ?? { start: '', stop: '' }))).toBe('unlocated-write');
  });

  it('recounts every slice not known to be untouched when a write cannot be located', () => {
    const k = known({}, { [today]: ['8'] });
    const plan = planRefresh(slices, k, seen({ '7': st(99), '8': st(20) }), 'check', timing);
    const located = locateChanges(plan, slices, k, new Map(slices.map((s) => [sliceKey(s), 30])));
    expect(located.learned.size).toBe(0);
    // Every slice with data but the current one (counted as current) is recounted.
    expect(located.dirty.size).toBe(slices.length);
    expect(located.dirty.get(sixtyDaysAgo)).toBe('unlocated-write');
  });

  it('recounts the slice of a shard whose WAL grew with no write (a delete), not one whose WAL was snapshotted', () => {
    const k = known({ shards: { '7': st(10, 500), '8': st(20) } }, { [sixtyDaysAgo]: ['7'] });
    const deleted = planRefresh(slices, k, seen({ '7': st(10, 800), '8': st(20) }), 'check', timing);
    expect(Object.fromEntries(deleted.dirty)).toEqual({ [sixtyDaysAgo]: 'shard-deleted', [today]: 'current' });
    expect(planRefresh(slices, k, seen({ '7': st(10, 0), '8': st(20) }), 'check', timing).dirty.size).toBe(0);
    // In a shard it does not know: located like a write; unlocated, every slice not known untouched.
    const unknown = planRefresh(slices, k, seen({ '7': st(10, 500), '8': st(20, 90) }), 'check', timing);
    expect(unknown.unknown).toEqual(['8']);
    expect(unknown.unknownWritten).toEqual([]);
    expect(locateChanges(unknown, slices, k, new Map(slices.map((s) => [sliceKey(s), 30]))).dirty.get(sixtyDaysAgo)).toBeUndefined();
  });

  it('recounts a slice whose shard expired, and reads no series counts when no shard changed, fresh or not', () => {
    const k = known({}, { [sixtyDaysAgo]: ['7'] });
    const dropped = planRefresh(slices, k, seen({ '8': st(20) }), 'check', timing);
    expect(dropped.dirty.get(sixtyDaysAgo)).toBe('shard-dropped');
    const fresh = planRefresh(slices, k, seen(k.shards), 'fresh', timing);
    expect(fresh.locate).toBe(false);
    expect(fresh.dirty.size).toBe(0);
  });

  it('places a delete in a shard it does not know by the series it removed', () => {
    const k = known({ shards: { '7': st(10, 0), '8': st(20) } }, { [today]: ['8'] });
    const plan = planRefresh(slices, k, seen({ '7': st(10, 64), '8': st(20) }), 'fresh', timing);
    expect(plan.locate).toBe(true);
    const located = locateChanges(plan, slices, k, new Map(slices.map((s) => [sliceKey(s), sliceKey(s) === sixtyDaysAgo ? 29 : 30])));
    expect(located.dirty.get(sixtyDaysAgo)).toBe('series-changed');
  });

  it('counts slices it has never counted (a changed retention, a new day) and those a stopped refresh left pending', () => {
    const longer = countSlices({ retentionSeconds: 120 * 86_400, shardGroupDurationSeconds: 86_400 }, NOW) ?? [];
    const k = known({ pending: [today] });
    const plan = planRefresh(longer, k, seen(k.shards), 'check', timing);
    expect(plan.dirty.get(today)).toBe('pending');
    expect([...plan.dirty.values()].filter((r) => r === 'new-slice').length).toBe(longer.filter((s) => !k.slices.has(sliceKey(s))).length);
    expect(plan.whole).toBe(false);
  });

  it('without /metrics, looks again every noSignalMs (series counts and the current slice), or when asked', () => {
    const k = known({ shards: null, instance: null });
    expect(planRefresh(slices, k, seen(null), 'check', timing).dirty.size).toBe(0);
    const late = planRefresh(slices, { ...k, refreshedAt: NOW - 300_000 }, seen(null), 'check', timing);
    expect(late.locate).toBe(true);
    expect(Object.fromEntries(late.dirty)).toEqual({ [today]: 'no-signal' });
    expect(planRefresh(slices, k, seen(null), 'fresh', timing).locate).toBe(true);
  });
});

describe('the change of one shard', () => {
  it('is a write when its write counters move, not when only its lagging series gauge does', async () => {
    const { shardChange } = await import('./change-signal');
    const before = { written: 10, writes: 2, series: 0, wal: 100 };
    expect(shardChange(before, { ...before, series: 30 })).toBe('none');
    expect(shardChange(before, { ...before, written: 11, writes: 3 })).toBe('written');
    expect(shardChange(before, { ...before, wal: 140 })).toBe('deleted');
    expect(shardChange(before, { ...before, wal: 0 })).toBe('none');
    // A delete of points already on disk: influxd rewrites the shard's TSM files.
    expect(shardChange({ ...before, tsm: 4031, files: 1 }, { ...before, wal: 0, tsm: 3457, files: 1 })).toBe('deleted');
    // Snapshots and compactions change the number of files: not a delete.
    expect(shardChange({ ...before, tsm: 4031, files: 3 }, { ...before, tsm: 3900, files: 1 })).toBe('none');
    expect(shardChange({ ...before, tsm: 4031, files: 1 }, { ...before, wal: 0, tsm: 5000, files: 2 })).toBe('none');
    expect(shardChange({ ...before, series: 5 }, { ...before, series: 4 }), 'the series gauge lags: not a signal').toBe('none');
    expect(shardChange(before, { ...before, tsm: 3457, files: 1 }), 'a state stored before the TSM size was kept').toBe('none');
    expect(shardChange(before, undefined)).toBe('dropped');
    expect(shardChange(undefined, before)).toBe('written');
  });
});
