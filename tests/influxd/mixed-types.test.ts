import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { deleteData } from '@/lib/use-cases/delete-data';
import { previewDataDelete } from '@/lib/use-cases/preview-data-delete';
import { readMeasurement } from '@/lib/use-cases/read-measurement';
import { readStats } from '@/lib/use-cases/read-stats';
import { rawApi, resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

/**
 * InfluxDB keeps one type per field within a shard: a field written as integer in one shard group
 * and as float (or float and string) in another is two columns to its storage, and a query that
 * takes one type per field (Flux, InfluxQL's `SELECT *`) misses the other shards' points. The
 * preview, the delete's recount and the record counts must see every point whatever its types.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUCKET = 'mixed_types';
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

async function orgID(): Promise<string> {
  const res = await rawApi('/api/v2/orgs?org=homeiq');
  return ((await res.json()) as { orgs: { id: string }[] }).orgs[0]?.id ?? '';
}

async function createBucket(retentionSeconds: number, shardGroupSeconds: number): Promise<void> {
  const body = {
    orgID: await orgID(),
    name: BUCKET,
    retentionRules: [{ type: 'expire', everySeconds: retentionSeconds, shardGroupDurationSeconds: shardGroupSeconds }],
  };
  const res = await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(201);
}

async function write(lines: string[]): Promise<void> {
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${BUCKET}&precision=ms`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(res.status, await res.clone().text()).toBe(204);
}

/**
 * Ground truth without the code under test: the points (series and time) InfluxDB holds, read with one raw
 * InfluxQL query per field type, each of which a shard answers only for its own type.
 */
async function storedPoints(measurement: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const type of ['integer', 'float', 'string', 'boolean']) {
    const q = `SELECT "entity"::tag, "value"::${type} FROM "${measurement}" WHERE time >= 0`;
    const res = await rawApi(`/query?db=${BUCKET}&q=${encodeURIComponent(q)}&epoch=ns`, { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { series?: { values: unknown[][] }[] }[] };
    for (const s of body.results[0]?.series ?? [])
      for (const [time, entity, value] of s.values) if (value !== null) out.add(`${String(entity)}@${String(time)}`);
  }
  return out;
}

/** `old` points 5 h ago (another 1 h shard group than now), then `recent` points now, of two types. */
function twoShardGroups(oldValue: string, recentValue: string, agoMs = 5 * HOUR): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) lines.push(`mixed,entity=e${i} value=${oldValue} ${now - agoMs + i}`);
  for (let i = 0; i < 7; i++) lines.push(`mixed,entity=e${i} value=${recentValue} ${now - 60_000 + i}`);
  // Another measurement, and another series of this one outside the delete's tag match: both must stay.
  lines.push(`other,entity=e1 value=1i ${now - 60_000}`, `mixed,entity=keep,kind=x value=${recentValue} ${now - 60_000}`);
  return lines;
}

async function recordsOf(measurement: string): Promise<number | undefined> {
  const stats = unwrap(await readStats(BUCKET, { mode: 'full' }))[0];
  return [...(stats?.measurements ?? []), ...(stats?.unexpected ?? [])].find((m) => m.name === measurement)?.records;
}

/** Preview, delete bound to that preview, and check both against what InfluxDB held before and after. */
async function deletesEveryPreviewedPoint(range: { start: string; stop: string }): Promise<void> {
  const before = await storedPoints('mixed');
  expect(before.size).toBe(18);
  const entities = [...new Set([...before].map((p) => p.split('@')[0]))].filter((e) => e !== 'keep');
  let previewed = 0;
  let deleted = 0;
  for (const e of entities) {
    const preview = unwrap(await previewDataDelete({ bucket: BUCKET, measurement: 'mixed', where: [`entity=${e}`], ...range }));
    expect(preview.countedWith).toBe('influxql');
    const done = unwrap(
      await deleteData(
        { bucket: BUCKET, measurement: 'mixed', where: [`entity=${e}`], ...range, confirmName: BUCKET, previewId: preview.previewId },
        CLI_ACTOR,
      ),
    );
    expect(done.deleted, `the delete of ${e} reports what its preview counted`).toBe(preview.total);
    previewed += preview.total;
    deleted += done.deleted;
  }
  const after = await storedPoints('mixed');
  expect(previewed, 'every point of the deleted series was previewed').toBe(17);
  expect(deleted, 'reported deleted = InfluxDB before − after').toBe(before.size - after.size);
  expect([...after]).toEqual([expect.stringMatching(/^keep@/)]);
  expect((await storedPoints('other')).size, 'another measurement is untouched').toBe(1);
}

describe('a field written with different types in different shard groups', () => {
  beforeEach(resetBuckets);
  afterEach(resetBuckets);

  for (const [label, oldValue, recentValue] of [
    ['integer then float', '5i', '1.5'],
    ['float then string', '1.5', '"text"'],
    ['string then boolean', '"text"', 'true'],
  ] as const) {
    it(`${label}: the record counts and a delete's preview see every point, and the delete removes only those`, async () => {
      await createBucket(DAY / 1000, 3600);
      await write(twoShardGroups(oldValue, recentValue));
      expect(await recordsOf('mixed'), 'record counts = ground truth').toBe((await storedPoints('mixed')).size);
      expect(await recordsOf('mixed')).toBe(18);
      // The measurement's page: its newest points and its records per tag value hold every point, of both types.
      const page = unwrap(await readMeasurement({ bucket: BUCKET, measurement: 'mixed', tag: 'entity', pageSize: 50 }));
      expect(page.latest.points).toHaveLength(18);
      expect(page.latest.points.filter((p) => p.fields.value !== null)).toHaveLength(18);
      expect(page.latest.points.map((p) => Date.parse(p.time))).toEqual(page.latest.points.map((p) => Date.parse(p.time)).sort((a, b) => b - a));
      expect(page.perTag?.values.reduce((n, v) => n + v.records, 0)).toBe(18);
      expect(page.perTag?.values.find((v) => v.value === 'e0')?.records).toBe(2);
      const whole = unwrap(await previewDataDelete({ bucket: BUCKET, measurement: 'mixed', start: iso(now - 6 * HOUR), stop: iso(now) }));
      expect(whole.points).toEqual({ mixed: 18 });
      await deletesEveryPreviewedPoint({ start: iso(now - 6 * HOUR), stop: iso(now) });
      expect(await recordsOf('mixed'), 'record counts after the delete = ground truth').toBe(1);
    });
  }

  it('in a bucket with infinite retention, where one slice spans shard groups of both types', async () => {
    await createBucket(0, 7 * 24 * 3600);
    await write(twoShardGroups('1.5', '"text"', 21 * DAY));
    expect(await recordsOf('mixed')).toBe(18);
    expect(await recordsOf('mixed')).toBe((await storedPoints('mixed')).size);
    await deletesEveryPreviewedPoint({ start: iso(now - 22 * DAY), stop: iso(now) });
  });
});

describe('a delete is bound to the preview the person saw', () => {
  beforeEach(async () => {
    await resetBuckets();
    await createBucket(DAY / 1000, 3600);
    await write(twoShardGroups('5i', '1.5'));
  });
  afterEach(resetBuckets);

  const range = { start: iso(now - 6 * HOUR), stop: iso(now) };

  it('refuses a delete without a preview, with an unknown one, or one that selected other points, deleting nothing', async () => {
    const preview = unwrap(await previewDataDelete({ bucket: BUCKET, measurement: 'mixed', where: ['entity=e1'], ...range }));
    const attempts = [
      { bucket: BUCKET, measurement: 'mixed', where: ['entity=e1'], ...range, confirmName: BUCKET },
      { bucket: BUCKET, measurement: 'mixed', where: ['entity=e1'], ...range, confirmName: BUCKET, previewId: '0'.repeat(32) },
      { bucket: BUCKET, measurement: 'mixed', where: ['entity=e2'], ...range, confirmName: BUCKET, previewId: preview.previewId },
      { bucket: BUCKET, measurement: 'mixed', ...range, confirmName: BUCKET, previewId: preview.previewId },
      {
        bucket: BUCKET,
        measurement: 'mixed',
        where: ['entity=e1'],
        start: iso(now - 7 * HOUR),
        stop: range.stop,
        confirmName: BUCKET,
        previewId: preview.previewId,
      },
    ];
    for (const attempt of attempts) {
      const r = await deleteData(attempt, CLI_ACTOR);
      expect(r.ok, JSON.stringify(attempt)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/nothing was deleted/i);
    }
    expect((await storedPoints('mixed')).size).toBe(18);
  });

  it('spends a preview on its delete: a second delete with it is refused', async () => {
    const preview = unwrap(await previewDataDelete({ bucket: BUCKET, measurement: 'mixed', where: ['entity=e1'], ...range }));
    const input = { bucket: BUCKET, measurement: 'mixed', where: ['entity=e1'], ...range, confirmName: BUCKET, previewId: preview.previewId };
    expect(unwrap(await deleteData(input, CLI_ACTOR)).deleted).toBe(2);
    await write([`mixed,entity=e1 value=2.5 ${now - 30_000}`]);
    const again = await deleteData(input, CLI_ACTOR);
    expect(again.ok).toBe(false);
    expect((await storedPoints('mixed')).size).toBe(17);
  });
});
