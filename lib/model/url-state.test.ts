import { describe, expect, it } from 'vitest';
import { auditQuery, auditSearch, bucketsQuery, measurementQuery, measurementsQuery, readQuery, storageQuery } from './url-state';

describe('the state a screen keeps in its URL', () => {
  it('reads what is there', () => {
    expect(readQuery(bucketsQuery, new URLSearchParams('q=pattern&sort=retention&dir=desc'))).toEqual({ q: 'pattern', sort: 'retention', dir: 'desc' });
    expect(readQuery(measurementsQuery, new URLSearchParams('bucket=scratch&sort=records'))).toEqual({ bucket: 'scratch', q: '', sort: 'records', dir: 'asc' });
    expect(readQuery(measurementQuery, new URLSearchParams('tag=entity_id&page=3'))).toEqual({ tag: 'entity_id', q: '', page: 3 });
    expect(readQuery(storageQuery, new URLSearchParams('range=7d'))).toEqual({ range: '7d' });
    expect(readQuery(auditQuery, { action: 'bucket.delete', role: ['cli', 'admin'], bucket: 'x' })).toEqual({
      action: 'bucket.delete',
      role: 'cli',
      bucket: 'x',
    });
  });

  it('falls back to each default on its own when a value is bad, never throwing', () => {
    expect(readQuery(bucketsQuery, new URLSearchParams(`q=${'x'.repeat(201)}&sort=password&dir=up`))).toEqual({ q: '', sort: 'name', dir: 'asc' });
    expect(readQuery(bucketsQuery, new URLSearchParams('sort=kind&dir=sideways'))).toEqual({ q: '', sort: 'kind', dir: 'asc' });
    for (const page of ['0', '-1', '1.5', 'NaN', '1e9', 'two']) expect(readQuery(measurementQuery, new URLSearchParams({ page })).page).toBe(1);
    expect(readQuery(storageQuery, new URLSearchParams('range=forever'))).toEqual({ range: '30d' });
    expect(readQuery(auditQuery, { action: "'; DROP TABLE audit_log", role: 'root' })).toEqual({ action: '', role: '', bucket: '' });
    expect(readQuery(bucketsQuery, {})).toEqual({ q: '', sort: 'name', dir: 'asc' });
  });

  it('writes an Audit view back as a query string, empty filters left out', () => {
    expect(auditSearch({ action: 'bucket.create', role: '', bucket: 'a b&c' })).toBe('?action=bucket.create&bucket=a+b%26c');
    expect(auditSearch({ action: '', role: '', bucket: '' })).toBe('');
  });
});
