import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('writes one without an s and any other count with one', () => {
    expect(plural(1, 'point')).toBe('1 point');
    expect(plural(0, 'point')).toBe('0 points');
    expect(plural(5019, 'record')).toBe('5,019 records');
  });
  it('leaves nouns that end in s alone, and takes an irregular plural', () => {
    expect(plural(1, 'series')).toBe('1 series');
    expect(plural(3, 'series')).toBe('3 series');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
