import { describe, expect, it } from 'vitest';
import { defaultTag, topTagValues } from './tag-values';

const rows = [
  { value: 'light.kitchen', records: 10 },
  { value: 'light.office', records: 30 },
  { value: 'switch.kitchen', records: 20 },
];

describe('records per tag value', () => {
  it('lists the top values, most records first, adding up to the records', () => {
    expect(topTagValues('entity_id', rows, null, 2)).toEqual({
      tag: 'entity_id',
      search: null,
      values: [rows[1], rows[2]],
      distinctValues: 3,
      records: 60,
      limit: 2,
    });
  });

  it('searches values case-insensitively', () => {
    const found = topTagValues('entity_id', rows, ' KITCHEN ', 10);
    expect(found.values.map((v) => v.value)).toEqual(['switch.kitchen', 'light.kitchen']);
    expect(found).toMatchObject({ search: 'kitchen', distinctValues: 2, records: 30 });
  });

  it('counts by the first entity tag, not the date', () => {
    expect(defaultTag(['date', 'entity_id', 'domain'], 'date')).toBe('entity_id');
    expect(defaultTag(['week', 'session_type'], null)).toBe('session_type');
  });
});
