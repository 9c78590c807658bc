import { describe, expect, it } from 'vitest';
import { mixedFields, typeChangeDetail, typeChangeFix, typeDays } from './type-change';

describe('type changes across shard groups', () => {
  it('finds a field listed with two types', () => {
    expect(
      mixedFields([
        { measurement: 'anomaly_daily', field: 'occurrences', type: 'integer' },
        { measurement: 'anomaly_daily', field: 'occurrences', type: 'float' },
        { measurement: 'anomaly_daily', field: 'anomaly_score', type: 'float' },
      ]),
    ).toEqual([{ measurement: 'anomaly_daily', field: 'occurrences', types: ['float', 'integer'] }]);
  });

  it('says on which days each type was written, the earliest type first', () => {
    const [c] = typeDays([
      { measurement: 'm', field: 'v', day: '2026-11-27T00:00:00Z', type: 'float' },
      { measurement: 'm', field: 'v', day: '2026-11-26T00:00:00Z', type: 'integer' },
      { measurement: 'm', field: 'w', day: '2026-11-26T00:00:00Z', type: 'float' },
    ]);
    expect(c).toEqual({ measurement: 'm', field: 'v', days: { float: ['2026-11-27'], integer: ['2026-11-26'] } });
    if (!c) throw new Error('no change found');
    expect(typeChangeDetail(c)).toBe(
      'Field v of m is integer on 2026-11-26 and float on 2026-11-27: a query over both periods fails with a type conflict or reads only one of them.',
    );
    expect(typeChangeFix(c, 'integer')).toContain('`.field("v", int(v))`; the spec says integer');
  });
});
