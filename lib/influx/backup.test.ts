import { describe, expect, it } from 'vitest';
import { multipartParts } from './backup';

describe('the metadata snapshot multipart answer', () => {
  it('splits kv, sql and buckets parts, binary bodies intact', () => {
    const b = 'abc123';
    const kv = Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: attachment; name="kv"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      kv,
      Buffer.from(
        `\r\n--${b}\r\nContent-Disposition: attachment; name="sql"\r\n\r\nSQLite format 3\r\n--${b}\r\nContent-Disposition: attachment; name="buckets"\r\nContent-Type: application/json; charset=utf-8\r\n\r\n[{"bucketName":"x"}]\r\n--${b}--\r\n`,
      ),
    ]);
    const parts = multipartParts(body, b);
    expect(parts.map((p) => p.name)).toEqual(['kv', 'sql', 'buckets']);
    expect(Buffer.compare(parts[0]?.body ?? Buffer.alloc(0), kv)).toBe(0);
    expect(parts[1]?.body.toString()).toBe('SQLite format 3');
    expect(JSON.parse(parts[2]?.body.toString() ?? '')).toEqual([{ bucketName: 'x' }]);
  });

  it('answers no parts for a body without the boundary', () => {
    expect(multipartParts(Buffer.from('nothing here'), 'zzz')).toEqual([]);
  });
});
