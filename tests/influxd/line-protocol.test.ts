import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAggregate } from '@/lib/aggregates/encode';
import { toLine, unwritable } from '@/lib/model/line-protocol';
import { ai5Spec } from '@/lib/spec/load';
import { parseCsv } from '../support/flux-csv';
import { rawApi, resetBuckets } from '../support/reset';

/**
 * The line-protocol codec pinned against InfluxDB's own parser: every special character in every
 * position of a point is written by the codec to a real influxd and read back through the raw
 * InfluxQL API (not through the console), and must come back as exactly the same string. A name the
 * codec refuses is shown to mean something else on the wire. Last, points encoded as HomeIQ's writer
 * encodes them are byte for byte what its Python client (influxdb-client 1.50.0) sent.
 */
const BUCKET = 'lp_codec';
const BASE_NS = BigInt(Date.now() - 60_000) * 1_000_000n;

const SPECIAL: Record<string, string> = {
  space: 'a b',
  comma: 'a,b',
  equals: 'a=b',
  quote: 'a"b',
  backslash: 'a\\b',
  'backslash before a comma': 'a\\,b',
  'backslash before a space': 'a\\ b',
  'backslash before an equals sign': 'a\\=b',
  'backslash before a quote': 'a\\"b',
  'double backslash': 'a\\\\b',
  newline: 'a\nb',
  tab: 'a\tb',
  unicode: 'é温🌡',
  'trailing backslash': 'ab\\',
};
const POSITIONS = ['measurement', 'tag key', 'tag value', 'field key', 'string value'] as const;
type Position = (typeof POSITIONS)[number];

interface Stored {
  measurement: string;
  tags: Record<string, string>;
  fields: Record<string, unknown>;
}

function pointWith(position: Position, text: string): Stored {
  return {
    measurement: position === 'measurement' ? text : 'lp',
    tags: position === 'tag key' ? { [text]: 'v' } : { k: position === 'tag value' ? text : 'v' },
    fields: position === 'field key' ? { [text]: 'v' } : { f: position === 'string value' ? text : 'v' },
  };
}

function encode(p: Stored, timeNs: bigint): string {
  const fields = Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [k, { type: 'string' as const, value: String(v) }]));
  return toLine(p.measurement, p.tags, fields, timeNs);
}

async function write(lines: string[]): Promise<void> {
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${BUCKET}&precision=ns`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
  expect(res.status, await res.clone().text()).toBe(204);
}

const NOT_TAGS = new Set(['', 'result', 'table', '_start', '_stop', '_time', '_value', '_field', '_measurement', 'ns']);

/** Every stored point by its time, read with a raw Flux query: measurement, tags and fields as InfluxDB holds them. */
async function stored(): Promise<Map<bigint, Stored>> {
  const query = `from(bucket: "${BUCKET}") |> range(start: 0) |> map(fn: (r) => ({r with ns: int(v: r._time)})) |> group()`;
  const res = await rawApi('/api/v2/query?org=homeiq', {
    method: 'POST',
    body: JSON.stringify({ query, type: 'flux', dialect: { header: true, annotations: [] } }),
  });
  expect(res.status).toBe(200);
  const [header = [], ...rows] = parseCsv(await res.text());
  const out = new Map<bigint, Stored>();
  for (const row of rows) {
    const col = (name: string) => row[header.indexOf(name)] ?? '';
    const time = BigInt(col('ns'));
    const point = out.get(time) ?? {
      measurement: col('_measurement'),
      tags: Object.fromEntries(header.flatMap((h, i) => (NOT_TAGS.has(h) || row[i] === '' ? [] : [[h, row[i] ?? '']]))),
      fields: {},
    };
    point.fields[col('_field')] = col('_value');
    out.set(time, point);
  }
  return out;
}

/** What HomeIQ's writer (the Python client) puts on the wire for a name: its escaping, not InfluxDB's. */
function pythonEscape(position: Position, text: string): string {
  const escaped = text.replace(
    position === 'measurement' ? /[, \n\t\r]/g : /[,= \n\t\r]/g,
    (c) => `\\${({ '\n': 'n', '\t': 't', '\r': 'r' } as Record<string, string>)[c] ?? c}`,
  );
  return position === 'tag value' && escaped.endsWith('\\') ? `${escaped} ` : escaped;
}

function pythonLine(position: Position, text: string, timeNs: bigint): string {
  const m = position === 'measurement' ? pythonEscape(position, text) : 'lp';
  const tags = position === 'tag key' ? `${pythonEscape(position, text)}=v` : `k=${position === 'tag value' ? pythonEscape(position, text) : 'v'}`;
  const fields = position === 'field key' ? `${pythonEscape(position, text)}="v"` : 'f="v"';
  return `${m},${tags} ${fields} ${timeNs}`;
}

describe('the line-protocol codec against a real influxd', () => {
  const cases = POSITIONS.flatMap((position) => Object.entries(SPECIAL).map(([name, text]) => ({ position, name, text })));
  const written = new Map<bigint, { position: Position; name: string; point: Stored }>();
  const refused = new Map<bigint, { position: Position; name: string; text: string; why: string }>();

  beforeAll(async () => {
    await resetBuckets();
    const orgs = (await (await rawApi('/api/v2/orgs?org=homeiq')).json()) as { orgs: { id: string }[] };
    const res = await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID: orgs.orgs[0]?.id, name: BUCKET, retentionRules: [] }) });
    expect(res.status).toBe(201);
    const lines: string[] = [];
    for (const [i, { position, name, text }] of cases.entries()) {
      const time = BASE_NS + BigInt(i);
      const point = pointWith(position, text);
      try {
        lines.push(encode(point, time));
        written.set(time, { position, name, point });
      } catch (e) {
        expect(e).toBeInstanceOf(RangeError);
        // What a writer that does not refuse sends instead (HomeIQ's Python client), alone: InfluxDB may refuse it.
        const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${BUCKET}&precision=ns`, {
          method: 'POST',
          body: pythonLine(position, text, time),
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
        refused.set(time, { position, name, text, why: (e as Error).message });
        expect([204, 400]).toContain(res.status);
      }
    }
    await write(lines);
  });

  afterAll(async () => {
    await resetBuckets();
  });

  it('writes every special character in every position and reads back exactly the same strings', async () => {
    const back = await stored();
    const wrong = [...written]
      .filter(([time, { point }]) => JSON.stringify(back.get(time)) !== JSON.stringify(point))
      .map(([time, { position, name }]) => `${name} in the ${position}: ${JSON.stringify(back.get(time))}`);
    expect(wrong).toEqual([]);
    for (const [time, { point }] of written) expect(back.get(time)).toEqual(point);
    // The codec writes all but the names line protocol cannot hold.
    expect(written.size).toBe(cases.length - refused.size);
    const beforeSpecial = ['comma', 'space', 'equals sign', 'quote'].map((c) => `backslash before a${c === 'equals sign' ? 'n' : ''} ${c}`);
    const expected = [
      ...['measurement', 'tag key', 'tag value', 'field key'].flatMap((p) => [`${p}: newline`, `${p}: trailing backslash`]),
      ...['measurement', 'field key'].flatMap((p) => beforeSpecial.map((b) => `${p}: ${b}`)),
    ];
    expect([...refused.values()].map((r) => `${r.position}: ${r.name}`).sort()).toEqual(expected.sort());
  });

  it('refuses only names that InfluxDB would store as something else', async () => {
    const back = await stored();
    for (const [time, r] of refused) {
      expect(unwritable(r.position === 'measurement' ? 'measurement' : r.position === 'field key' ? 'field' : 'tag', r.text)).toBe(r.why);
      const got = back.get(time);
      // The point is refused (400), lost (204 and nothing stored) or lands with other names: never the ones asked for.
      if (got) expect(got, `${r.name} in the ${r.position}`).not.toEqual(pointWith(r.position, r.text));
    }
    // HomeIQ's writer turns a trailing backslash in a tag value into a trailing space (ai5-wire-format.md).
    const trailing = [...refused].find(([, r]) => r.position === 'tag value' && r.name === 'trailing backslash');
    expect(trailing && back.get(trailing[0])?.tags.k).toBe('ab ');
  });

  it('encodes AI-5 points byte for byte as HomeIQ’s writer does, and InfluxDB keeps their names', async () => {
    const specs = new Map(ai5Spec().buckets.flatMap((b) => b.measurements.map((m) => [m.name, m] as const)));
    const spec = (name: string) => {
      const s = specs.get(name);
      if (!s) throw new Error(name);
      return s;
    };
    // Expected lines: PatternAggregateClient's write_* with influxdb-client 1.50.0's Point.to_line_protocol().
    const homeiq = [
      {
        line: encodeAggregate(spec('time_based_daily'), {
          date: '2026-11-14',
          entity_id: 'light.living room, left=on',
          domain: 'light',
          hourly_distribution: [0, 0, 0, 0, 0, 0, 3, 5, ...Array<number>(16).fill(0)],
          peak_hours: [6, 7],
          frequency: 1 / 3,
          confidence: 0.85,
          occurrences: 8,
        }),
        python:
          'time_based_daily,date=2026-11-14,domain=light,entity_id=light.living\\ room\\,\\ left\\=on confidence=0.85,frequency=0.3333333333333333,hourly_distribution="[0, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]",occurrences=8i,peak_hours="[6, 7]" 1794614400000000000',
      },
      {
        line: encodeAggregate(spec('room_based_daily'), {
          date: '2026-11-14',
          area_id: 'salle à manger',
          activity_level: 0.5,
          device_usage: { 'light.lampe_été': 3, 'switch.a"b\\c': 1 },
          transition_patterns: [{ from: 'cuisine', to: 'salon', count: 2 }],
          peak_activity_hours: [19, 20],
        }),
        python:
          'room_based_daily,area_id=salle\\ à\\ manger,date=2026-11-14 activity_level=0.5,device_usage="{\\"light.lampe_\\\\u00e9t\\\\u00e9\\": 3, \\"switch.a\\\\\\"b\\\\\\\\c\\": 1}",peak_activity_hours="[19, 20]",transition_patterns="[{\\"from\\": \\"cuisine\\", \\"to\\": \\"salon\\", \\"count\\": 2}]" 1794614400000000000',
      },
      {
        line: encodeAggregate(spec('anomaly_daily'), {
          date: '2026-11-14',
          entity_id: 'sensor.température=haute',
          anomaly_type: 'spike',
          anomaly_score: 2,
          baseline_deviation: 1e-7,
          occurrences: 3,
          severity: 'say "high"',
        }),
        python:
          'anomaly_daily,anomaly_type=spike,date=2026-11-14,entity_id=sensor.température\\=haute anomaly_score=2,baseline_deviation=1e-07,occurrences=3i,severity="say \\"high\\"" 1794614400000000000',
      },
    ];
    for (const { line, python } of homeiq) expect(Buffer.from(line, 'utf8').equals(Buffer.from(python, 'utf8')), line).toBe(true);
    await write(homeiq.map((h) => h.line));
    const q = `SELECT * FROM "time_based_daily","room_based_daily","anomaly_daily" WHERE time = 1794614400000000000 GROUP BY *`;
    const res = await rawApi(`/query?db=${BUCKET}&q=${encodeURIComponent(q)}`, { headers: { Accept: 'application/json' } });
    const body = (await res.json()) as { results: { series?: { name: string; tags: Record<string, string>; columns: string[]; values: unknown[][] }[] }[] };
    const series = body.results[0]?.series ?? [];
    expect(series.map((s) => s.tags.entity_id || s.tags.area_id).sort()).toEqual(['light.living room, left=on', 'salle à manger', 'sensor.température=haute']);
    const room = series.find((s) => s.name === 'room_based_daily');
    const usage = room?.values[0]?.[room.columns.indexOf('device_usage')];
    expect(JSON.parse(String(usage))).toEqual({ 'light.lampe_été': 3, 'switch.a"b\\c': 1 });
  });
});
