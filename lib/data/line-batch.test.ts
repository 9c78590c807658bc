import { describe, expect, it } from 'vitest';
import { LineBatch } from './line-batch';

const text = (b: Buffer) => b.toString('utf8');

describe('a line batch', () => {
  it('holds records as their text joined by line breaks, with the line each starts on', () => {
    const batch = new LineBatch(3);
    batch.add(7, 'm v=1 1');
    batch.add(9, 'm,t=é\\ x v="a\nb" 2');
    batch.add(11, 'm v=3 3');
    expect(batch.length).toBe(3);
    expect(batch.full).toBe(true);
    expect(text(batch.body())).toBe('m v=1 1\nm,t=é\\ x v="a\nb" 2\nm v=3 3');
    expect(batch.bytes).toBe(Buffer.byteLength(text(batch.body())));
    expect([0, 1, 2].map((i) => batch.lineAt(i))).toEqual([7, 9, 11]);
  });

  it('gives any range of its records, as the halving of a refused batch needs', () => {
    const batch = new LineBatch(4);
    ['a v=1', 'b v=2', 'c v=3', 'd v=4'].forEach((t, i) => batch.add(i + 1, t));
    expect(text(batch.body(1, 3))).toBe('b v=2\nc v=3');
    expect(text(batch.body(3, 4))).toBe('d v=4');
    expect(text(batch.body(2, 2))).toBe('');
    expect(() => batch.body(2, 5)).toThrow(RangeError);
    expect(() => batch.lineAt(4)).toThrow(RangeError);
  });

  it('refuses a record past its size', () => {
    const batch = new LineBatch(1);
    batch.add(1, 'a v=1');
    expect(() => batch.add(2, 'b v=2')).toThrow(/at most 1 lines/);
  });

  it('grows its buffer for long lines and keeps what it held', () => {
    const batch = new LineBatch(3, 16);
    batch.add(1, 'short v=1');
    const long = `long s="${'x'.repeat(100)}"`;
    batch.add(2, long);
    expect(batch.capacity).toBeGreaterThanOrEqual(batch.bytes);
    expect(text(batch.body())).toBe(`short v=1\n${long}`);
  });

  it('is empty after a clear, reuses its buffer, and gives back one grown far past its start size', () => {
    const batch = new LineBatch(2, 64);
    batch.add(1, 'a v=1');
    batch.clear();
    expect(batch.length).toBe(0);
    expect(batch.bytes).toBe(0);
    batch.add(5, 'b v=2');
    expect(text(batch.body())).toBe('b v=2');
    expect(batch.lineAt(0)).toBe(5);
    expect(batch.capacity).toBe(64);
    batch.add(6, `c s="${'y'.repeat(1_000)}"`);
    expect(batch.capacity).toBeGreaterThan(8 * 64);
    batch.clear();
    expect(batch.capacity).toBe(64);
  });
});
