import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrometheus } from '../influx/prometheus';
import { bucketShards, bucketSignature, instanceOf, restarted } from './change-signal';

const real = parsePrometheus(readFileSync(new URL('../../tests/fixtures/influxd-v2.8.0-metrics.txt', import.meta.url), 'utf8'));
const bucket = real.get('storage_shard_write_sum')?.samples[0]?.labels.bucket ?? '';

function metrics(shards: { id: string; written: number; series: number }[], bucketId = 'b1'): ReturnType<typeof parsePrometheus> {
  const lines = ['# TYPE storage_shard_write_sum counter', '# TYPE storage_shard_write_count counter', '# TYPE storage_shard_series gauge'];
  for (const s of shards) {
    lines.push(`storage_shard_write_count{bucket="${bucketId}",engine="tsm1",id="${s.id}"} ${s.written}`);
    lines.push(`storage_shard_write_sum{bucket="${bucketId}",engine="tsm1",id="${s.id}"} 1`);
    lines.push(`storage_shard_series{bucket="${bucketId}",engine="tsm1",id="${s.id}"} ${s.series}`);
  }
  return parsePrometheus(lines.join('\n'));
}

describe('the change signal of a bucket', () => {
  it('reads the real /metrics of influxd 2.8 per shard', () => {
    expect(bucket).not.toBe('');
    expect(bucketSignature(real, bucket)).toMatch(/^\d+:written=\d+,writes=\d+,series=\d+,wal=\d+/);
    expect(bucketSignature(real, 'no-such-bucket')).toBe('');
  });

  it('takes the points written from write_count and the requests from write_sum, as influxd fills them', () => {
    const shards = Object.values(bucketShards(real, bucket));
    expect(shards).toHaveLength(90);
    // Every shard of the fixture was written in batches of many points.
    for (const s of shards) expect(s.written).toBeGreaterThan(s.writes);
  });

  it('stays the same while nothing is written, and changes with a write, a new or dropped shard, or a restart', () => {
    const base = bucketSignature(metrics([{ id: '1', written: 100, series: 50 }]), 'b1');
    expect(bucketSignature(metrics([{ id: '1', written: 100, series: 50 }]), 'b1')).toBe(base);
    expect(bucketSignature(metrics([{ id: '1', written: 101, series: 50 }]), 'b1')).not.toBe(base);
    expect(
      bucketSignature(
        metrics([
          { id: '1', written: 100, series: 50 },
          { id: '2', written: 1, series: 1 },
        ]),
        'b1',
      ),
    ).not.toBe(base);
    expect(bucketSignature(metrics([]), 'b1')).not.toBe(base);
    // influxd restarted: its counters start again.
    expect(bucketSignature(metrics([{ id: '1', written: 0, series: 50 }]), 'b1')).not.toBe(base);
  });

  it('ignores other buckets', () => {
    const mine = bucketSignature(metrics([{ id: '1', written: 100, series: 50 }]), 'b1');
    expect(bucketSignature(metrics([{ id: '1', written: 100, series: 50 }]), 'b2')).toBe('');
    expect(mine).not.toBe('');
  });
});

describe('telling a restart of influxd from a slow answer', () => {
  const uptime = (seconds: number) => parsePrometheus(`# TYPE influxdb_uptime_seconds gauge\ninfluxdb_uptime_seconds{id="abc"} ${seconds}`);
  const look = (instance: ReturnType<typeof instanceOf>) => ({ instance, shards: null });
  const t0 = 1_800_000_000_000;

  it('places the start in the window between asking and the answer', () => {
    expect(instanceOf(uptime(100), t0, t0 + 5_000)).toEqual({ id: 'abc', startedAt: t0 - 100_000, latestStart: t0 - 95_000 });
  });

  it('is not fooled by an answer that took seconds while influxd was busy', () => {
    const before = instanceOf(uptime(100), t0, t0 + 20);
    // 60 s later influxd read its uptime at once, but the answer took 8 s to arrive.
    const busy = instanceOf(uptime(160), t0 + 60_000, t0 + 68_000);
    expect(restarted(look(before), look(busy))).toBe(false);
    expect(restarted(look(busy), look(before))).toBe(false);
  });

  it('still sees a restart, however slow the answers', () => {
    const before = instanceOf(uptime(100), t0, t0 + 8_000);
    const after = instanceOf(uptime(5), t0 + 60_000, t0 + 68_000);
    expect(restarted(look(before), look(after))).toBe(true);
  });

  it('reads a start time stored before the window was kept', () => {
    expect(restarted(look({ id: 'abc', startedAt: t0 - 100_000 }), look(instanceOf(uptime(160), t0 + 60_000, t0 + 61_000)))).toBe(false);
    expect(restarted(look({ id: 'abc', startedAt: t0 - 100_000 }), look(instanceOf(uptime(10), t0 + 60_000, t0 + 61_000)))).toBe(true);
  });
});
