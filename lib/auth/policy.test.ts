import { describe, expect, it } from 'vitest';
import { authorize, decide } from './policy';

describe('authorize: one rule by role and operation', () => {
  it.each([
    [null, 'read', 'unauthorized'],
    [null, 'change', 'unauthorized'],
    ['viewer', 'read', 'allow'],
    ['viewer', 'change', 'forbidden'],
    ['admin', 'read', 'allow'],
    ['admin', 'change', 'allow'],
  ] as const)('%s may %s: %s', (role, op, expected) => {
    expect(authorize(role, op)).toBe(expected);
  });
});

describe('decide: what the proxy lets reach the console', () => {
  it('sends signed-out page visits to the login page and refuses signed-out API calls and actions', () => {
    expect(decide('GET', '/', null)).toBe('sign-in');
    expect(decide('GET', '/buckets', null)).toBe('sign-in');
    expect(decide('GET', '/api/buckets', null)).toBe('unauthorized');
    expect(decide('POST', '/api/verify', null)).toBe('unauthorized');
    expect(decide('POST', '/buckets', null, true)).toBe('unauthorized');
  });

  it('lets everyone read the health endpoint, and nothing else there', () => {
    expect(decide('GET', '/api/health', null)).toBe('allow');
    expect(decide('HEAD', '/health', null)).toBe('allow');
    expect(decide('POST', '/api/health', null)).toBe('method-not-allowed');
    expect(decide('GET', '/api/health/x', null)).toBe('unauthorized');
  });

  it('lets everyone reach the login page, sign in and out, and read static assets', () => {
    expect(decide('GET', '/login', null)).toBe('allow');
    expect(decide('POST', '/api/auth/login', null)).toBe('allow');
    expect(decide('POST', '/api/auth/logout', null)).toBe('allow');
    expect(decide('GET', '/_next/static/chunks/x.js', null)).toBe('allow');
    expect(decide('GET', '/favicon.svg', null)).toBe('allow');
  });

  it('answers 405 to methods the console does not serve, before anything else', () => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
      for (const role of [null, 'viewer', 'admin'] as const) {
        expect(decide(method, '/', role)).toBe('method-not-allowed');
        expect(decide(method, '/api/verify', role)).toBe('method-not-allowed');
      }
    }
    expect(decide('POST', '/favicon.svg', null)).toBe('method-not-allowed');
    expect(decide('POST', '/_next/static/chunks/x.js', 'admin')).toBe('method-not-allowed');
    expect(decide('POST', '/login', null)).toBe('method-not-allowed');
  });

  it('never lets a Next-Action header through to a route handler, whoever sends it', () => {
    for (const role of [null, 'viewer', 'admin'] as const) {
      expect(decide('POST', '/api/verify', role, true)).toBe('not-an-action');
      expect(decide('POST', '/api/auth/logout', role, true)).toBe('not-an-action');
    }
  });

  it('passes server actions on pages to their own guard, and refuses other POSTs to pages', () => {
    expect(decide('POST', '/buckets', 'viewer', true)).toBe('allow');
    expect(decide('POST', '/buckets', 'admin', true)).toBe('allow');
    expect(decide('POST', '/buckets', 'viewer')).toBe('method-not-allowed');
    expect(decide('POST', '/buckets', 'admin')).toBe('method-not-allowed');
  });

  it('passes signed-in API calls to the route handler, which checks the role for its operation', () => {
    expect(decide('GET', '/api/stats', 'viewer')).toBe('allow');
    expect(decide('POST', '/api/verify', 'viewer')).toBe('allow');
    expect(decide('GET', '/storage', 'viewer')).toBe('allow');
  });
});
