import { describe, expect, it } from 'vitest';
import { isPersonActivity, lastActivity, noteActivity } from './activity';

describe('someone using the console', () => {
  it('is a page opened, a server action or a change sent to the API', () => {
    expect(isPersonActivity('GET', '/measurements')).toBe(true);
    expect(isPersonActivity('GET', '/')).toBe(true);
    expect(isPersonActivity('POST', '/buckets')).toBe(true);
    expect(isPersonActivity('POST', '/api/verify')).toBe(true);
    expect(isPersonActivity('DELETE', '/api/buckets/abc')).toBe(true);
  });

  it('is not a screen polling the API, an asset or the healthcheck', () => {
    expect(isPersonActivity('GET', '/api/stats')).toBe(false);
    expect(isPersonActivity('GET', '/api/connection')).toBe(false);
    expect(isPersonActivity('HEAD', '/api/health')).toBe(false);
    expect(isPersonActivity('GET', '/_next/static/chunks/app.js')).toBe(false);
    expect(isPersonActivity('GET', '/favicon.svg')).toBe(false);
  });

  it('keeps the time of the last one only', () => {
    noteActivity('GET', '/storage', 1_000);
    noteActivity('GET', '/api/stats', 2_000);
    expect(lastActivity()).toBe(1_000);
    noteActivity('POST', '/api/verify', 3_000);
    expect(lastActivity()).toBe(3_000);
  });
});
