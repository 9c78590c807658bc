import { describe, expect, it } from 'vitest';
import { deletePredicate, describeSelection, parseMatches } from './delete-predicate';

const ok = (texts: string[]) => {
  const parsed = parseMatches(texts);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.matches;
};
const refused = (texts: string[]) => {
  const parsed = parseMatches(texts);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(parsed.matches)}`);
  return parsed.message;
};

describe('delete conditions', () => {
  it('reads tag=value, quoted or not, repeated or joined by AND', () => {
    expect(ok(['entity_id=light.kitchen', 'domain="light"'])).toEqual([
      { key: 'entity_id', value: 'light.kitchen' },
      { key: 'domain', value: 'light' },
    ]);
    expect(ok(['entity_id="a b" AND domain=light and area=x'])).toEqual([
      { key: 'entity_id', value: 'a b' },
      { key: 'domain', value: 'light' },
      { key: 'area', value: 'x' },
    ]);
  });

  it('keeps AND, OR, = and escaped quotes inside a quoted value as text', () => {
    expect(ok(['k="x AND y OR z=1 \\"q\\" \\\\"'])).toEqual([{ key: 'k', value: 'x AND y OR z=1 "q" \\' }]);
  });

  it('has nothing to match when no condition is given', () => {
    expect(ok([])).toEqual([]);
    expect(ok(['  '])).toEqual([]);
  });

  it('refuses OR with the reason InfluxDB gives', () => {
    expect(refused(['a=1 OR b=2'])).toMatch(/OR.*AND only/);
    expect(refused(['a=1 || b=2'])).toMatch(/OR/);
  });

  it('refuses a predicate on _field, _value, _time or _measurement', () => {
    expect(refused(['_field=confidence'])).toMatch(/cannot delete by field/);
    expect(refused(['"_field"="confidence"'])).toMatch(/cannot delete by field/);
    expect(refused(['_value=1'])).toMatch(/value/);
    expect(refused(['_time=1'])).toMatch(/start and stop/);
    expect(refused(['_measurement=x'])).toMatch(/--measurement/);
  });

  it('refuses regular expressions, not-equal, comparisons and grouping', () => {
    expect(refused(['entity_id=~/light.*/'])).toMatch(/regex/);
    expect(refused(['entity_id!~/light/'])).toMatch(/regex/);
    expect(refused(['entity_id!=x'])).toMatch(/not-equal/);
    expect(refused(['n>3'])).toMatch(/= only/);
    expect(refused(['(a=1 AND b=2)'])).toMatch(/parentheses/);
  });

  it('refuses what is not a condition', () => {
    expect(refused(['entity_id'])).toMatch(/tag=value/);
    expect(refused(['=x'])).toMatch(/no tag key/);
    expect(refused(['k='])).toMatch(/no value/);
    expect(refused(['k="open'])).toMatch(/unbalanced/);
    expect(refused(['k="x\\"'])).toMatch(/unbalanced/);
    expect(refused(['k=a\nb'])).toMatch(/control character/);
    expect(refused(['a=1 AND'])).toMatch(/empty condition/);
    expect(refused(['a=1 b=2'])).toMatch(/double-quoted/);
    expect(refused(['a=x y'])).toMatch(/double-quoted/);
  });

  it('refuses two values for one tag, which match nothing', () => {
    expect(refused(['a=1', 'a=2'])).toMatch(/both/);
    expect(ok(['a=1', 'a=1'])).toEqual([{ key: 'a', value: '1' }]);
  });
});

describe('the predicate sent to InfluxDB', () => {
  it('quotes every key and value, escaping quotes and backslashes', () => {
    expect(deletePredicate('time_based_daily', [{ key: 'entity_id', value: 'light "x" \\ y' }])).toBe(
      '_measurement="time_based_daily" AND "entity_id"="light \\"x\\" \\\\ y"',
    );
  });

  it('is empty when nothing narrows the series', () => {
    expect(deletePredicate(undefined, [])).toBe('');
    expect(deletePredicate(undefined, [{ key: 'a', value: '1' }])).toBe('"a"="1"');
  });

  it('reads back in words', () => {
    expect(describeSelection(undefined, [])).toBe('every measurement');
    expect(describeSelection('m', [{ key: 'a', value: '1' }])).toBe('m where a="1"');
  });
});
