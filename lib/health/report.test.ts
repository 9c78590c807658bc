import { describe, expect, it } from 'vitest';
import { httpStatus, overall } from './report';

describe('the console health', () => {
  it('is down (503) only when its database cannot be written, degraded (200) when InfluxDB or the sampler fail', () => {
    const ok = { status: 'ok' as const };
    expect(overall({ database: ok, influxdb: ok, sampler: { status: 'off' } })).toBe('ok');
    expect(overall({ database: ok, influxdb: { status: 'down', message: 'unreachable' }, sampler: ok })).toBe('degraded');
    expect(overall({ database: ok, influxdb: ok, sampler: { status: 'degraded' } })).toBe('degraded');
    expect(overall({ database: { status: 'down' }, influxdb: ok, sampler: ok })).toBe('down');
    expect(httpStatus({ status: 'degraded' })).toBe(200);
    expect(httpStatus({ status: 'ok' })).toBe(200);
    expect(httpStatus({ status: 'down' })).toBe(503);
  });
});
