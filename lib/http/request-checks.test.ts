import { describe, expect, it } from 'vitest';
import { checkActionBody, checkContentLength, jsonDepth, MAX_BODY_BYTES, MAX_JSON_DEPTH } from './request-checks';

describe('request checks', () => {
  it('measures JSON nesting without recursion, skipping brackets inside strings', () => {
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('[{"a":[1]}]')).toBe(3);
    expect(jsonDepth('["[[[[", "\\"[["]')).toBe(1);
    expect(jsonDepth('['.repeat(100_000))).toBe(100_000);
  });

  it('refuses a Content-Length over 1 MB (413) or not a number (400)', () => {
    expect(checkContentLength(null)).toBeNull();
    expect(checkContentLength('10')).toBeNull();
    expect(checkContentLength(String(MAX_BODY_BYTES + 1))?.status).toBe(413);
    expect(checkContentLength('ten')?.status).toBe(400);
  });

  it('accepts what React sends for a server action and refuses the rest with 400 or 413', () => {
    expect(checkActionBody('text/plain;charset=UTF-8', '[{"name":"a","retention":"1d"}]')).toBeNull();
    expect(checkActionBody('text/plain', '')?.status).toBe(400);
    expect(checkActionBody('text/plain', 'not json')?.status).toBe(400);
    expect(checkActionBody('text/plain', '{"a":1}')?.status).toBe(400);
    expect(checkActionBody('text/plain', `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)?.status).toBe(400);
    expect(checkActionBody('text/plain', `["${'x'.repeat(MAX_BODY_BYTES)}"]`)?.status).toBe(413);
    expect(checkActionBody('multipart/form-data; boundary=x', '--x--')?.status).toBe(415);
  });

  it('lets through the markers plain values produce, and refuses references to parts a text body cannot carry', () => {
    expect(checkActionBody('text/plain', '[{"a":"$undefined","b":"$$dollar","c":"$D2026-01-01T00:00:00.000Z","d":"$n12","e":"$NaN","f":"$-0"}]')).toBeNull();
    for (const ref of ['$@1', '$Q9', '$h5', '$K1', '$F0', '$B2', '$W1', '$T', '$Z', '$']) {
      expect(checkActionBody('text/plain', JSON.stringify([{ name: ref }]))?.status, ref).toBe(400);
      expect(checkActionBody('text/plain', JSON.stringify([[[ref]]]))?.status, ref).toBe(400);
    }
  });
});
