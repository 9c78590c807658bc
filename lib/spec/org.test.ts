import { describe, expect, it } from 'vitest';
import { ai5Spec, withOrg } from './load';

describe('one organization', () => {
  it('gives the built-in spec the configured organization', () => {
    const spec = withOrg(ai5Spec(), 'other', null);
    expect(spec.ok && spec.data.org).toBe('other');
  });

  it('refuses a spec file naming another organization, naming both and the fix', () => {
    const spec = withOrg({ ...ai5Spec(), org: 'other' }, 'homeiq', '/etc/spec.json');
    expect(spec.ok).toBe(false);
    if (spec.ok) return;
    expect(spec.error.code).toBe('config');
    expect(spec.error.message).toContain('"other"');
    expect(spec.error.message).toContain('INFLUXDB_ORG is "homeiq"');
    expect(spec.error.fix).toContain('INFLUXDB_ORG=other');
  });

  it('accepts a spec file for the configured organization as it is', () => {
    const spec = withOrg({ ...ai5Spec(), org: 'other' }, 'other', '/etc/spec.json');
    expect(spec.ok && spec.data.org).toBe('other');
  });
});
