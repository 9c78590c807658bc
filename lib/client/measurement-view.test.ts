import { describe, expect, it } from 'vitest';
import type { TagValueCounts } from '../model/measurement-detail';
import { measurementApiUrl, measurementPagePath, pointColumns, storedValue, tagCountsSummary } from './measurement-view';

function perTag(values: [string, number][], extra: Partial<TagValueCounts> = {}): TagValueCounts {
  return {
    tag: 'entity_id',
    search: null,
    values: values.map(([value, records]) => ({ value, records })),
    distinctValues: values.length,
    records: values.reduce((n, [, r]) => n + r, 0),
    limit: 20,
    ...extra,
  };
}

describe('measurement urls', () => {
  it('links the page and asks the route for the view, leaving out defaults', () => {
    expect(measurementPagePath('pattern_aggregates_daily', 'time_based_daily')).toBe('/measurements/pattern_aggregates_daily/time_based_daily');
    expect(measurementApiUrl('b', 'm', { tag: null, search: ' ', page: 1 })).toBe('/api/measurement?bucket=b&measurement=m');
    expect(measurementApiUrl('b', 'm', { tag: 'entity_id', search: 'light kitchen', page: 3 })).toBe(
      '/api/measurement?bucket=b&measurement=m&tag=entity_id&search=light+kitchen&page=3',
    );
  });
});

describe('tagCountsSummary', () => {
  it('says the values add up to the measurement when every point carries the tag', () => {
    const s = tagCountsSummary(
      perTag([
        ['light.kitchen', 90],
        ['light.hall', 90],
      ]),
      180,
    );
    expect(s).toMatchObject({ shown: 180, others: 0, withoutTag: 0, addsUp: true });
    expect(s.sentence).toBe("The 2 values hold 180 records: together the measurement's 180 records.");
  });
  it('counts the values beyond the top N as the others', () => {
    const s = tagCountsSummary(
      perTag(
        [
          ['a', 50],
          ['b', 40],
        ],
        { distinctValues: 5, records: 150 },
      ),
      150,
    );
    expect(s).toMatchObject({ shown: 90, others: 60, addsUp: true });
    expect(s.sentence).toContain('The top 2 of 5 values hold 90 records, the other 3 hold 60');
  });
  it('says so when points without the tag keep the values from adding up', () => {
    const s = tagCountsSummary(perTag([['a', 10]]), 12);
    expect(s).toMatchObject({ withoutTag: 2, addsUp: false });
    expect(s.sentence).toContain('they do not add up, because 2 points carry no entity_id tag');
  });
  it('relates a search to the measurement without calling it a mismatch', () => {
    const s = tagCountsSummary(perTag([['light.kitchen', 90]], { search: 'kitchen' }), 900);
    expect(s.addsUp).toBe(true);
    expect(s.sentence).toContain(`90 of the measurement's 900 records match "kitchen"`);
  });
});

describe('points as stored', () => {
  it('takes columns from the keys and from every point, and shows values verbatim', () => {
    const cols = pointColumns({
      tagKeys: ['date'],
      fieldKeys: ['a'],
      latest: { page: 1, pageSize: 2, hasMore: false, points: [{ time: 't', tags: { date: 'd', extra: 'x' }, fields: { a: 1, b: '[1,2]' } }] },
    });
    expect(cols).toEqual({ tags: ['date', 'extra'], fields: ['a', 'b'] });
    expect(storedValue('[1,2]')).toBe('[1,2]');
    expect(storedValue(false)).toBe('false');
    expect(storedValue(undefined)).toBe('—');
  });
});

describe('tagCountsSummary wording', () => {
  it('speaks of the one other value in the singular', () => {
    expect(tagCountsSummary(perTag([['a', 8]], { distinctValues: 2, records: 10 }), 10).sentence).toBe(
      "The top 1 of 2 values hold 8 records, the other value holds 2: together the measurement's 10 records.",
    );
  });
});

describe('tagCountsSummary with the server counting points without the tag', () => {
  it('names those points even when the values alone seem to cover the measurement', () => {
    const s = tagCountsSummary(perTag([['a', 10]], { records: 12, withoutTag: 2 }), 12);
    expect(s).toMatchObject({ addsUp: false, withoutTag: 2 });
    expect(s.sentence).toContain("10 of the measurement's 12 records — they do not add up, because 2 points carry no entity_id tag");
  });
});

describe('tagCountsSummary with points the route counts under an empty value', () => {
  it('leaves the empty value out of the entities and says those points carry no tag', () => {
    const s = tagCountsSummary(
      perTag([
        ['light.kitchen', 4],
        ['', 1],
        ['light.hall', 4],
      ]),
      9,
    );
    expect(s.values.map((v) => v.value)).toEqual(['light.kitchen', 'light.hall']);
    expect(s).toMatchObject({ shown: 8, others: 0, withoutTag: 1, addsUp: false });
    expect(s.sentence).toBe("The 2 values hold 8 records: 8 of the measurement's 9 records — they do not add up, because 1 point carries no entity_id tag.");
  });
});
