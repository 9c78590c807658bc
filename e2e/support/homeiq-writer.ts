import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAggregate } from '../../lib/aggregates/encode';
import type { SampleItem } from '../../lib/aggregates/sample';
import { consoleSpecSchema } from '../../lib/spec/schema';
import type { E2eInfluxd } from './servers';

const spec = consoleSpecSchema.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'lib', 'spec', 'ai5.json'), 'utf8')));

/** Line protocol straight to InfluxDB's write API (not through the console under test). */
export async function writeLines(server: E2eInfluxd, bucket: string, lines: string[]): Promise<void> {
  const res = await fetch(`${server.url}/api/v2/write?org=${server.org}&bucket=${encodeURIComponent(bucket)}&precision=ns`, {
    method: 'POST',
    headers: { Authorization: `Token ${server.token}` },
    body: lines.join('\n'),
  });
  if (res.status !== 204) throw new Error(`write to ${bucket}: ${res.status} ${await res.text()}`);
}

/** Aggregates encoded as HomeIQ's writer does (the AI-5 spec's tags, fields and timestamps), into the spec's buckets. */
export async function writeAggregates(server: E2eInfluxd, items: Iterable<SampleItem>): Promise<number> {
  const perBucket = new Map<string, string[]>();
  for (const item of items) {
    const bucket = spec.buckets.find((b) => b.measurements.some((m) => m.name === item.measurement));
    const m = bucket?.measurements.find((x) => x.name === item.measurement);
    if (!bucket || !m) throw new Error(`${item.measurement} is not in the AI-5 spec`);
    perBucket.set(bucket.name, [...(perBucket.get(bucket.name) ?? []), encodeAggregate(m, item.record as unknown as Record<string, unknown>, item.writtenAt)]);
  }
  let points = 0;
  for (const [bucket, lines] of perBucket) {
    await writeLines(server, bucket, lines);
    points += lines.length;
  }
  return points;
}
