import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketNameSchema, lookalikeOf, nameLooks } from './bucket-input';

const INVISIBLE = /\p{Cc}|\p{Cf}|\p{Cs}/u;

describe('bucketNameSchema and misleading characters', () => {
  it('refuses right-to-left overrides, zero-width spaces and lone surrogates with a clear message', () => {
    for (const name of ['pattern\u202Eylvid', 'pattern\u200Bdaily', 'bad\uD800name', 'bad\uDC00', '\uDFFFx', 'a\u2066b', 'a\uFEFFb', 'a\u00ADb']) {
      const r = bucketNameSchema.safeParse(name);
      expect(r.success, JSON.stringify(name)).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.message).join(' ')).toMatch(/invisible|control/);
    }
  });

  it('still accepts ordinary names, accents and emoji', () => {
    for (const name of ['pattern_aggregates_daily', 'météo', 'ház-2', 'bucket 😀']) expect(bucketNameSchema.safeParse(name).success, name).toBe(true);
  });

  it('refuses any name holding a Cc, Cf or Cs character (fuzzed)', () => {
    const bad = fc.oneof(
      fc
        .integer({ min: 0, max: 0x10ffff })
        .map((c) => String.fromCodePoint(c))
        .filter((c) => INVISIBLE.test(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u202E', '\u200B', '\u200E', '\u2060', '\u061C', '\u0000', '\u007F', '\u0085', '\uFFF9'),
    );
    const name = fc.tuple(fc.string({ maxLength: 20 }), bad, fc.string({ maxLength: 20 })).map(([a, c, b]) => `x${a}${c}${b}x`);
    fc.assert(
      fc.property(name, (n) => {
        expect(bucketNameSchema.safeParse(n).success).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('names that render as nothing, or as another name', () => {
  it('refuses default-ignorable and blank-looking characters that are not Cf (Hangul fillers, Braille blank, CGJ, variation selectors, odd spaces)', () => {
    for (const c of ['\u3164', '\u2800', '\u034F', '\u115F', '\u1160', '\uFFA0', '\uFE0F', '\uFE00', '\u180B', '\u00A0', '\u2003', '\u3000', '\u2028']) {
      const r = bucketNameSchema.safeParse(`pattern_aggregates_daily${c}`);
      expect(r.success, `U+${c.codePointAt(0)?.toString(16)}`).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.message).join(' ')).toMatch(/show as nothing|invisible/);
    }
    expect(bucketNameSchema.safeParse('daily buckets').success, 'an ordinary space stays allowed').toBe(true);
  });

  it('finds the existing name a new one would be read as: case, compatibility forms and invisible characters set aside', () => {
    const existing = ['pattern_aggregates_daily', 'weekly'];
    expect(lookalikeOf('Pattern_Aggregates_Daily', existing)).toBe('pattern_aggregates_daily');
    expect(lookalikeOf('ｗｅｅｋｌｙ', existing)).toBe('weekly');
    expect(lookalikeOf('week\u200Bly', existing)).toBe('weekly');
    expect(lookalikeOf('pattern_aggregates_daily', existing), 'the same name is not a lookalike').toBeNull();
    expect(lookalikeOf('monthly', existing)).toBeNull();
    expect(nameLooks('A\uFE0Fb')).toBe('ab');
  });
});
