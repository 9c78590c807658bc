import { describe, expect, it } from 'vitest';
import { defaultShardGroupSeconds, ImportTally, nsToIso, shardGroupStart } from './import-check';
import { linesToSend } from '../model/data-operations';
import { parseRecord } from './lp-parse';

const ns = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;
const DAY = 86_400;

function tally(lines: string[], opts: { retentionSeconds?: number; shardGroupSeconds?: number; now?: string } = {}, cap?: number) {
  const t = new ImportTally(
    { retentionSeconds: opts.retentionSeconds ?? 0, shardGroupSeconds: opts.shardGroupSeconds ?? 7 * DAY, nowNs: ns(opts.now ?? '2026-11-28T12:00:00Z') },
    cap,
  );
  lines.forEach((text, i) => {
    const r = parseRecord(text);
    if (r.kind === 'point') t.addPoint(i + 1, r.point);
    else if (r.kind === 'error') t.addError(i + 1, r.message);
  });
  return t;
}

describe('shard groups', () => {
  it('start where Go truncates time: weeks on Mondays, days at midnight UTC', () => {
    expect(nsToIso(shardGroupStart(ns('2026-11-28T15:00:00Z'), 7 * DAY))).toBe('2026-11-23T00:00:00Z');
    expect(nsToIso(shardGroupStart(ns('2026-11-23T00:00:00Z'), 7 * DAY))).toBe('2026-11-23T00:00:00Z');
    expect(nsToIso(shardGroupStart(ns('2026-11-28T15:00:00Z'), DAY))).toBe('2026-11-28T00:00:00Z');
    expect(nsToIso(shardGroupStart(ns('1969-12-31T15:00:00Z'), DAY))).toBe('1969-12-31T00:00:00Z');
  });

  it('default to InfluxDB’s durations for a retention', () => {
    expect(defaultShardGroupSeconds(0)).toBe(7 * DAY);
    expect(defaultShardGroupSeconds(90 * DAY)).toBe(DAY);
    expect(defaultShardGroupSeconds(DAY)).toBe(3_600);
  });
});

describe('ImportTally', () => {
  it('counts lines per measurement and the time span', () => {
    const r = tally(['a v=1 1000', 'b v=2 3000', 'a v=3 2000']).result();
    expect(r.points).toEqual({ a: 2, b: 1 });
    expect(r.lines).toEqual({ a: 2, b: 1 });
    expect([r.totalPoints, r.totalLines]).toEqual([3, 3]);
    expect([r.firstNs, r.lastNs]).toEqual(['1000', '3000']);
  });

  it('counts a point exported one field per line once, whatever the order of its tags, and its lines apart', () => {
    const r = tally([
      'time_based_daily,date=2026-11-01,entity_id=light.a confidence=0.9 1000',
      'time_based_daily,date=2026-11-01,entity_id=light.a occurrences=3i 1000',
      'time_based_daily,entity_id=light.a,date=2026-11-01 frequency=1.5 1000',
      'time_based_daily,date=2026-11-01,entity_id=light.a confidence=0.9 2000',
      'time_based_daily,date=2026-11-01,entity_id=light.b confidence=0.9 1000',
      'anomaly_daily,date=2026-11-01,entity_id=light.a confidence=0.9 1000',
    ]).result();
    expect(r.points).toEqual({ anomaly_daily: 1, time_based_daily: 3 });
    expect(r.lines).toEqual({ anomaly_daily: 1, time_based_daily: 5 });
    expect([r.totalPoints, r.totalLines]).toEqual([4, 6]);
  });

  it('lists parse errors by line number up to the cap, and counts the rest', () => {
    const r = tally(['a v=1 1', 'bad', 'a v= 2', 'also bad', 'a v=2 3'], {}, 2).result();
    expect(r.errors).toEqual([
      { line: 2, message: 'missing fields' },
      { line: 3, message: 'missing field value' },
    ]);
    expect(r.moreErrors).toBe(1);
  });

  it('counts points older than the retention with the first such line', () => {
    const old = ns('2026-01-01T00:00:00Z');
    const recent = ns('2026-11-27T00:00:00Z');
    const r = tally([`a v=1 ${recent}`, `a v=1 ${old}`, `a v=1 ${old}`], { retentionSeconds: 30 * DAY, shardGroupSeconds: DAY }).result();
    // Two lines of one point (the same series and time), as a point written twice.
    expect(r.outsideRetention).toEqual({ points: 1, lines: 2, firstLine: 2, cutoff: '2026-10-29T12:00:00Z' });
    expect(linesToSend(r)).toBe(1);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(r.errors[0]?.message).toMatch(/older than the bucket's retention \(before 2026-10-29T12:00:00Z\)/);
  });

  it('finds a field of two types in one shard group of the file, not across shard groups', () => {
    const mon = ns('2026-11-23T01:00:00Z');
    const sun = ns('2026-11-22T01:00:00Z');
    const r = tally([`a v=1 ${mon}`, `a v=2i ${sun}`, `a v=3i ${mon + 1n}`, `a v=4i ${mon + 2n}`]).result();
    expect(r.conflicts).toEqual([
      { measurement: 'a', field: 'v', shardGroup: '2026-11-23T00:00:00Z', existing: 'float', incoming: 'integer', where: 'file', line: 3, lines: 2 },
    ]);
  });

  it('finds a field stored with another type in the same shard group', () => {
    const t = tally([`a v=1i ${ns('2026-11-24T00:00:00Z')}`, `a w=true ${ns('2026-11-24T00:00:00Z')}`]);
    expect(t.span()).toEqual({ startNs: ns('2026-11-23T00:00:00Z'), stopNs: ns('2026-11-30T00:00:00Z') });
    const r = t.result([
      { measurement: 'a', field: 'v', shardGroupNs: ns('2026-11-23T00:00:00Z'), type: 'float' },
      { measurement: 'a', field: 'w', shardGroupNs: ns('2026-11-16T00:00:00Z'), type: 'string' },
    ]);
    expect(r.conflicts).toEqual([
      { measurement: 'a', field: 'v', shardGroup: '2026-11-23T00:00:00Z', existing: 'float', incoming: 'integer', where: 'stored', line: 1, lines: 1 },
    ]);
  });
});
