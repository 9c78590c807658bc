import { describe, expect, it } from 'vitest';
import type { Instance } from './change-signal';
import { locateChanges, planRefresh, type KnownBucket, type KnownSlice, type Observed } from './refresh-plan';
import { countSlices, currentSlices, sliceKey } from './slices';

const NOW = Date.parse('2026-11-28T15:00:00Z');
const slices = countSlices({ retentionSeconds: 90 * 86_400, shardGroupDurationSeconds: 86_400 }, NOW) ?? [];
const today = sliceKey(currentSlices(slices, NOW)[0] ?? { start: '', stop: '' });
const sixtyDaysAgo = sliceKey(slices.find((s) => s.start === '2026-09-29T00:00:00Z') ?? { start: '', stop: '' });
const influxd: Instance = { id: 'a', startedAt: NOW - 3_600_000 };
const timing = { reconcileMs: 86_400_000, noSignalMs: 300_000 };

function known(over: Partial<KnownBucket> = {}, shardsOf: Record<string, string[]> = {}): KnownBucket {
  const map = new Map<string, KnownSlice>(slices.map((s) => [sliceKey(s), { key: sliceKey(s), series: 30, shards: shardsOf[sliceKey(s)] ?? [] }]));
  return { instance: influxd, shards: { '7': 'write_sum=10', '8': 'write_sum=20' }, refreshedAt: NOW - 60_000, reconciledAt: NOW - 3_600_000, pending: [], slices: map, ...over };
}
const seen = (shards: Record<string, string> | null, over: Partial<Observed> = {}): Observed => ({ now: NOW, instance: influxd, shards, ...over });

describe('which slices a refresh counts again', () => {
  it('counts every slice the first time, on --full, after a restart and on the reconciliation schedule', () => {
    const all = slices.length;
    expect(planRefresh(slices, null, seen({}), 'check', timing).dirty.size).toBe(all);
    expect([...planRefresh(slices, known(), seen(known().shards), 'full', timing).dirty.values()]).toEqual(Array(all).fill('full'));
    const restarted = planRefresh(slices, known(), seen({ '7': 'write_sum=0', '8': 'write_sum=0' }, { instance: { id: 'b', startedAt: NOW - 5_000 } }), 'check', timing);
    expect(restarted.whole).toBe(true);
    expect(new Set(restarted.dirty.values())).toEqual(new Set(['restart']));
    expect(planRefresh(slices, known({ reconciledAt: NOW - 86_400_000 }), seen(known().shards), 'check', timing).dirty.size).toBe(all);
  });

  it('counts nothing while /metrics shows no write, and only the written and current slices after one', () => {
    const k = known({}, { [sixtyDaysAgo]: ['7'], [today]: ['8'] });
    expect(planRefresh(slices, k, seen(k.shards), 'check', timing).dirty.size).toBe(0);
    const plan = planRefresh(slices, k, seen({ '7': 'write_sum=11', '8': 'write_sum=20' }), 'check', timing);
    expect(Object.fromEntries(plan.dirty)).toEqual({ [sixtyDaysAgo]: 'shard-written', [today]: 'current' });
    expect(plan.locate).toBe(false);
  });

  it('locates a shard it does not know by the series counts, and learns it', () => {
    const k = known({}, { [today]: ['8'] });
    const plan = planRefresh(slices, k, seen({ '7': 'write_sum=10', '8': 'write_sum=20', '9': 'write_sum=5' }), 'check', timing);
    expect(plan.locate).toBe(true);
    expect(plan.unknownWritten).toEqual(['9']);
    const series = new Map(slices.map((s) => [sliceKey(s), sliceKey(s) === sixtyDaysAgo ? 31 : 30]));
    const located = locateChanges(plan, slices, k, series);
    expect(Object.fromEntries(located.dirty)).toEqual({ [sixtyDaysAgo]: 'series-changed', [today]: 'current' });
    expect(Object.fromEntries(located.learned)).toEqual({ '9': sixtyDaysAgo });
  });

  it('learns the current slice\'s new shard when the current slice is the one whose series moved', () => {
    const k = known();
    const plan = planRefresh(slices, k, seen({ '7': 'write_sum=10', '8': 'write_sum=20', '9': 'write_sum=5' }), 'check', timing);
    const located = locateChanges(plan, slices, k, new Map(slices.map((s) => [sliceKey(s), sliceKey(s) === today ? 60 : 30])));
    expect(Object.fromEntries(located.dirty)).toEqual({ [today]: 'current' });
    expect(Object.fromEntries(located.learned)).toEqual({ '9': today });
  });

  it('recounts every slice not known to be untouched when a write cannot be located', () => {
    const k = known({}, { [today]: ['8'] });
    const plan = planRefresh(slices, k, seen({ '7': 'write_sum=99', '8': 'write_sum=20' }), 'check', timing);
    const located = locateChanges(plan, slices, k, new Map(slices.map((s) => [sliceKey(s), 30])));
    expect(located.learned.size).toBe(0);
    // Every slice with data but the current one (counted as current) is recounted.
    expect(located.dirty.size).toBe(slices.length);
    expect(located.dirty.get(sixtyDaysAgo)).toBe('unlocated-write');
  });

  it('recounts a slice whose shard expired or whose series a delete removed, on a fresh refresh', () => {
    const k = known({}, { [sixtyDaysAgo]: ['7'] });
    const dropped = planRefresh(slices, k, seen({ '8': 'write_sum=20' }), 'check', timing);
    expect(dropped.dirty.get(sixtyDaysAgo)).toBe('shard-dropped');
    const fresh = planRefresh(slices, k, seen(k.shards), 'fresh', timing);
    expect(fresh.locate).toBe(true);
    const located = locateChanges(fresh, slices, k, new Map(slices.map((s) => [sliceKey(s), sliceKey(s) === sixtyDaysAgo ? 29 : 30])));
    expect(Object.fromEntries(located.dirty)).toEqual({ [sixtyDaysAgo]: 'series-changed' });
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
