import { describe, expect, it } from 'vitest';
import { formatLine, redact } from './log';

const AT = new Date('2026-11-28T12:00:00Z');

describe('log lines', () => {
  it('are one JSON object per event, with time, level, service, message and fields', () => {
    const line = formatLine(
      'json',
      'warn',
      'stats: refreshing a bucket failed',
      { requestId: 'r-12345678', bucket: 'pattern_aggregates_daily', error: new Error('boom') },
      AT,
      [],
    );
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-11-28T12:00:00.000Z',
      level: 'warn',
      service: 'homeiq-influx-console',
      message: 'stats: refreshing a bucket failed',
      requestId: 'r-12345678',
      bucket: 'pattern_aggregates_daily',
      error: { name: 'Error', message: 'boom' },
    });
  });

  it('keep a message with line breaks and quotes on one parseable line', () => {
    const line = formatLine('json', 'info', 'a "quoted"\nsecond line', {}, AT, []);
    expect(line.split('\n')).toHaveLength(1);
    expect(JSON.parse(line).message).toBe('a "quoted"\nsecond line');
  });

  it('never carry a secret: the configured ones anywhere in the line, and any field named like one', () => {
    const token = 'tok_0123456789abcdef';
    const line = formatLine(
      'json',
      'error',
      `InfluxDB refused Token ${token}`,
      { url: `http://x/?t=${token}`, password: 'hunter2-long', authorization: 'Token abc', sessionSecret: 'abc' },
      AT,
      [token, 'admin-password-1'],
    );
    expect(line).not.toContain(token);
    expect(line).not.toContain('hunter2-long');
    const parsed = JSON.parse(line);
    expect(parsed.password).toBe('[redacted]');
    expect(parsed.authorization).toBe('[redacted]');
    expect(parsed.message).toBe('InfluxDB refused Token [redacted]');
  });

  it('read as text in pretty mode, and short strings are not taken for secrets', () => {
    expect(formatLine('pretty', 'info', 'request', { method: 'GET', path: '/buckets' }, AT, ['ab'])).toBe(
      '2026-11-28T12:00:00.000Z INFO  request method=GET path=/buckets',
    );
    expect(redact('a bucket named abc', ['abc'])).toBe('a bucket named abc');
  });
});
