import { describe, expect, it } from 'vitest';
import { requestIdFor } from './request-id';

describe('request IDs', () => {
  it("keeps a proxy's plain ID and replaces anything else with a new one", () => {
    expect(requestIdFor('abc-123_def.456')).toBe('abc-123_def.456');
    for (const bad of [null, '', 'short', 'has space in it', 'x'.repeat(65), 'line\nbreak-injected', '{"json":"in a log"}']) {
      const id = requestIdFor(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(bad);
    }
  });
});
