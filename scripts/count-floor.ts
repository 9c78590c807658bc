/**
 * The floor of an exact count, for the bench: the same slices the console counts, read with raw
 * InfluxQL `SELECT *` by the smallest streaming client that gives the same figures (rows and
 * distinct tag sets per measurement and slice), two slices at a time as the console reads them.
 * No cache, no index reads, no validation: what any exact count must at least pay.
 */
import { request as httpRequest } from 'node:http';
import { countSlices, FIRST, LAST, type Slice } from '../lib/stats/slices';
import type { Influxd } from './harness';

interface RawBucket {
  name: string;
  retentionSeconds: number;
  shardGroupDurationSeconds?: number;
}

/** Streams an InfluxQL answer (chunked JSON, one object per line) to `onLine`, without a time limit. */
function stream(influx: Influxd, db: string, q: string, onLine: (line: string) => void): Promise<void> {
  const body = new URLSearchParams({ db, q, chunked: 'true', chunk_size: '1000' }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${influx.url}/query`,
      { method: 'POST', headers: { Authorization: `Token ${influx.token}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } },
      (res) => {
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`InfluxQL answered ${res.statusCode}`));
        let pending = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          let start = 0;
          for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            onLine(pending + text.slice(start, nl));
            pending = '';
            start = nl + 1;
          }
          pending += text.slice(start);
        });
        res.on('end', () => {
          if (pending.trim()) onLine(pending);
          resolve();
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Series {
  name: string;
  columns: string[];
  values?: unknown[][];
}
interface Chunk {
  error?: string;
  results?: { error?: string; series?: Series[] }[];
}

async function keys(influx: Influxd, db: string, q: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  await stream(influx, db, q, (line) => {
    const chunk = JSON.parse(line) as Chunk;
    for (const r of chunk.results ?? [])
      for (const s of r.series ?? []) for (const v of s.values ?? []) out.set(s.name, (out.get(s.name) ?? new Set()).add(String(v[0])));
  });
  return out;
}

/** Rows and distinct tag sets of every measurement in every slice of the buckets; the total rows read. */
export async function countFloor(influx: Influxd, buckets: readonly RawBucket[]): Promise<number> {
  let total = 0;
  for (const bucket of buckets) {
    const fields = await keys(influx, bucket.name, 'SHOW FIELD KEYS');
    const measurements = [...fields.keys()].filter((m) => !m.startsWith('_'));
    const slices: Slice[] = countSlices(bucket) ?? [{ start: FIRST, stop: LAST }];
    const readSlice = async (slice: Slice) => {
      const where = `WHERE time >= '${slice.start}' AND time < '${slice.stop}'`;
      const tagSets = new Map<string, Set<string>>();
      await stream(influx, bucket.name, measurements.map((m) => `SELECT * FROM "${m}" ${where}`).join(';'), (line) => {
        const chunk = JSON.parse(line) as Chunk;
        if (chunk.error) throw new Error(chunk.error);
        for (const r of chunk.results ?? []) {
          if (r.error) throw new Error(r.error);
          for (const s of r.series ?? []) {
            const f = fields.get(s.name) ?? new Set();
            const tagAt = s.columns.flatMap((c, i) => (c === 'time' || f.has(c) ? [] : [i]));
            const seen = tagSets.get(s.name) ?? new Set<string>();
            tagSets.set(s.name, seen);
            for (const v of s.values ?? []) {
              seen.add(tagAt.map((i) => String(v[i] ?? '')).join('\u0000'));
              total++;
            }
          }
        }
      });
    };
    const queue = [...slices];
    await Promise.all(
      [0, 1].map(async () => {
        for (let s = queue.shift(); s; s = queue.shift()) await readSlice(s);
      }),
    );
  }
  return total;
}
