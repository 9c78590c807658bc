import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrometheus } from '../influx/prometheus';
import { nextMark, rejectionsOf } from './rejected';

const sample = (name: string, bucket: string, id: string, value: number) => `${name}{bucket="${bucket}",engine="tsm1",id="${id}"} ${value}`;

describe('rejected writes from /metrics', () => {
  it('sums dropped points and failed write requests (write_err_sum, not the points of write_err_count) over the shards of one bucket', () => {
    const text = [
      '# TYPE storage_shard_write_dropped_sum counter',
      sample('storage_shard_write_dropped_sum', 'b1', '1', 2),
      sample('storage_shard_write_dropped_sum', 'b1', '2', 3),
      sample('storage_shard_write_dropped_sum', 'b2', '3', 7),
      '# TYPE storage_shard_write_err_count counter',
      sample('storage_shard_write_err_count', 'b1', '2', 40),
      '# TYPE storage_shard_write_err_sum counter',
      sample('storage_shard_write_err_sum', 'b1', '2', 1),
    ].join('\n');
    expect(rejectionsOf(parsePrometheus(text), 'b1')).toEqual({ droppedPoints: 5, failedWrites: 1 });
  });

  it('reads zero from a real influxd that refused nothing', () => {
    const families = parsePrometheus(readFileSync('tests/fixtures/influxd-v2.8.0-metrics.txt', 'utf8'));
    expect(rejectionsOf(families, 'faae6437b71f0eae')).toEqual({ droppedPoints: 0, failedWrites: 0 });
  });

  it('keeps the time rejections started until they stop, and starts again after a restart', () => {
    const first = nextMark(null, { droppedPoints: 2, failedWrites: 1 }, 1000);
    expect(first).toEqual({ since: 1000, droppedPoints: 2, failedWrites: 1 });
    expect(nextMark(first, { droppedPoints: 4, failedWrites: 2 }, 2000)?.since).toBe(1000);
    expect(nextMark(first, { droppedPoints: 1, failedWrites: 1 }, 3000)?.since).toBe(3000);
    expect(nextMark(first, { droppedPoints: 0, failedWrites: 0 }, 4000)).toBeNull();
  });
});
