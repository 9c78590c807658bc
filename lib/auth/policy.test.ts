import { describe, expect, it } from 'vitest';
import { decide } from './policy';

describe('decide', () => {
  it('sends signed-out page visits to the login page and refuses signed-out API calls', () => {
    expect(decide('GET', '/', null)).toBe('sign-in');
    expect(decide('GET', '/buckets', null)).toBe('sign-in');
    expect(decide('GET', '/api/buckets', null)).toBe('unauthorized');
    expect(decide('POST', '/buckets', null)).toBe('unauthorized');
  });
  it('lets everyone reach the login page and static assets', () => {
    expect(decide('GET', '/login', null)).toBe('allow');
    expect(decide('POST', '/api/auth/login', null)).toBe('allow');
    expect(decide('GET', '/_next/static/chunks/x.js', null)).toBe('allow');
  });
  it('lets a viewer read everything and change nothing', () => {
    expect(decide('GET', '/storage', 'viewer')).toBe('allow');
    expect(decide('GET', '/api/stats', 'viewer')).toBe('allow');
    expect(decide('POST', '/buckets', 'viewer')).toBe('forbidden');
    expect(decide('POST', '/api/verify', 'viewer')).toBe('forbidden');
    expect(decide('DELETE', '/api/buckets', 'viewer')).toBe('forbidden');
    expect(decide('POST', '/api/auth/logout', 'viewer')).toBe('allow');
  });
  it("passes a viewer's server action on to the action's own admin check, but never a stranger's", () => {
    expect(decide('POST', '/buckets', 'viewer', true)).toBe('allow');
    expect(decide('POST', '/buckets', null, true)).toBe('unauthorized');
  });
  it('lets an admin change things', () => {
    expect(decide('POST', '/provision', 'admin')).toBe('allow');
    expect(decide('POST', '/api/verify', 'admin')).toBe('allow');
  });
});
