import { describe, expect, it } from 'vitest';
import { EARLIEST, exportFileName, exportInputSchema, LATEST } from './export-options';

describe('exportInputSchema', () => {
  it('defaults to every measurement and all time InfluxDB can hold', () => {
    const v = exportInputSchema.parse({ bucket: 'b' });
    expect(v.measurements).toEqual([]);
    expect([v.start.iso, v.stop.iso]).toEqual([EARLIEST.iso, LATEST.iso]);
    expect(EARLIEST.iso).toBe('1677-09-21T00:12:43.145224194Z');
  });

  it('reads RFC 3339 (any offset, nanoseconds) and a bare date as midnight UTC', () => {
    const v = exportInputSchema.parse({
      bucketId: '0123456789abcdef',
      measurements: ['a', 'a', 'b c'],
      start: '2026-11-01',
      stop: '2026-11-02T01:00:00.000000001+01:00',
    });
    expect(v.start.iso).toBe('2026-11-01T00:00:00Z');
    expect(v.stop.iso).toBe('2026-11-02T00:00:00.000000001Z');
    expect(v.measurements).toEqual(['a', 'b c']);
  });

  it('refuses a bad time, a stop before the start, and a missing bucket, each with a clear message', () => {
    const bad = exportInputSchema.safeParse({ bucket: 'b', start: 'last week' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^Start: "last week" is not a time: use RFC 3339/);
    const backwards = exportInputSchema.safeParse({ bucket: 'b', start: '2026-11-02', stop: '2026-11-01' });
    expect(backwards.error?.issues[0]?.message).toBe('Stop (2026-11-01T00:00:00Z) must be after start (2026-11-02T00:00:00Z).');
    expect(exportInputSchema.safeParse({}).error?.issues[0]?.message).toBe('Name the bucket (by name or ID).');
  });
});

describe('exportFileName', () => {
  it('names the file after the bucket and the day, without characters a shell or browser would misread', () => {
    expect(exportFileName('pattern_aggregates_daily', new Date('2026-11-28T10:00:00Z'))).toBe('pattern_aggregates_daily-2026-11-28.lp.gz');
    expect(exportFileName('../my bucket"x', new Date('2026-11-28T10:00:00Z'))).toBe('my_bucket_x-2026-11-28.lp.gz');
  });
});
