import { describe, expect, it } from 'vitest';
import { hash53, pointKey, RecentPoints, seriesKey } from './point-keys';

describe('distinct points among lines', () => {
  it('keys a point by measurement, tags in any order (empty values left out) and time', () => {
    expect(
      pointKey(
        seriesKey('m', [
          ['b', '2'],
          ['a', '1'],
        ]),
        5n,
      ),
    ).toBe(
      pointKey(
        seriesKey('m', [
          ['a', '1'],
          ['b', '2'],
          ['c', ''],
        ]),
        '5',
      ),
    );
    expect(pointKey(seriesKey('m', [['a', '1']]), 5n)).not.toBe(pointKey(seriesKey('m', [['a', '1']]), 6n));
    // Lengths keep values that hold the separators apart.
    expect(seriesKey('m', [['a', '1b1:2']])).not.toBe(
      seriesKey('m', [
        ['a', '1'],
        ['b', '2'],
      ]),
    );
    expect(pointKey(seriesKey('m', [['a', '1@2']]), 3n)).not.toBe(pointKey(seriesKey('m', [['a', '1']]), '2@3'));
    expect(hash53('a')).not.toBe(hash53('b'));
    expect(Number.isSafeInteger(hash53('x'.repeat(1000)))).toBe(true);
  });

  it('counts a point once while its lines lie within the window, and holds at most twice the window', () => {
    const recent = new RecentPoints(3);
    const seen = ['p1', 'p1', 'p2', 'p1', 'p3', 'p4', 'p2'].map((k) => recent.add(k));
    // p2 is still within the window (the generation before the current one) when seen again.
    expect(seen).toEqual([true, false, true, false, true, true, false]);
    for (let i = 0; i < 10; i++) recent.add(`q${i}`);
    expect(recent.held).toBeLessThanOrEqual(6);
    // Past the window, a point's line counts again: the bound the export's order keeps it within.
    expect(recent.add('p1')).toBe(true);
  });
});
