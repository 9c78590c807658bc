import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const ORIGIN = 'http://127.0.0.1:3000';

/** What the browser does with the answer: it must land on the console's own origin. */
function landsHome(result: string): boolean {
  if (result === '/') return true;
  return result.startsWith('/') && !result.startsWith('//') && new URL(result, ORIGIN).origin === ORIGIN;
}

describe('safeNext', () => {
  it('keeps paths, queries and fragments on the console', () => {
    expect(safeNext('/buckets', ORIGIN)).toBe('/buckets');
    expect(safeNext('/storage?range=7d#growth', ORIGIN)).toBe('/storage?range=7d#growth');
    expect(safeNext('/a/../verify', ORIGIN)).toBe('/verify');
    // A space is not a separator: the answer is an (odd) path of the console, encoded.
    expect(safeNext('/ /evil.example', ORIGIN)).toBe('/%20/evil.example');
  });

  it('sends every attack seen so far to /', () => {
    for (const attack of [
      '/\\evil.example/phish',
      '/\t/evil.example/phish',
      '//evil.example/phish',
      '/\\/evil.example',
      '\\\\evil.example',
      '/.//evil.example',
      '/\n/evil.example',
      'http://evil.example/phish',
      'https:evil.example',
      'javascript:alert(1)',
      'data:text/html,hi',
      `${ORIGIN}.evil.example/`,
      '',
      'buckets',
    ]) {
      expect(safeNext(attack, ORIGIN), JSON.stringify(attack)).toBe('/');
    }
    expect(safeNext(null, ORIGIN)).toBe('/');
    expect(safeNext(undefined, ORIGIN)).toBe('/');
    expect(safeNext('/buckets', 'not a url')).toBe('/');
  });

  it('always answers a same-origin path or /, for any input (fuzzed)', () => {
    const piece = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\n',
      '\r',
      ' ',
      '.',
      '..',
      '%2F',
      '%5C',
      '%09',
      '@',
      ':',
      '?',
      '#',
      'evil.example',
      'http:',
      'javascript:',
      '\u0000',
      '\u3000',
      '\uff0f',
    );
    const crafted = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
    const input = fc.oneof(
      crafted,
      fc.string(),
      fc.webUrl(),
      fc.webPath(),
      crafted.map((s) => `/${s}`),
    );
    fc.assert(
      fc.property(input, (next) => {
        const result = safeNext(next, ORIGIN);
        expect(landsHome(result), `${JSON.stringify(next)} -> ${JSON.stringify(result)}`).toBe(true);
        // Decoding once more (as URLSearchParams does) must not turn it into another origin either.
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 500 },
    );
  });
});
