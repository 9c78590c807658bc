import 'server-only';
import { DbrpsAPI, OrgsAPI } from '@influxdata/influxdb-client-apis';
import { QueryCancelled } from './cancelled';
import type { Connection } from './client';

/**
 * InfluxDB's v1 query API (`/query`, InfluxQL), for the reads Flux makes slow. A bucket is its
 * database through its DBRP mapping (InfluxDB 2.x gives every bucket a virtual one).
 */

/** InfluxDB refused the InfluxQL itself (a statement error, a limit, no such database): Flux may still answer. */
export class InfluxqlRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfluxqlRefused';
  }
}

export { quoteIdent, stringLiteral as timeLiteral } from './point-select';

const QUERY_TIMEOUT_MS = 10 * 60_000;
/**
 * Rows per chunk of a streamed answer. A chunk is parsed whole, so this bounds the memory a read takes
 * (a string field holds up to 64 kB). A lab cold count of 1M points took 23.2–27.4 s with chunks of
 * 1,000 rows and 21.3–26.1 s with 10,000 (four runs each): the same within the noise.
 */
const CHUNK_ROWS = 1_000;

interface InfluxqlSeries {
  name: string;
  columns: string[];
  values?: unknown[][];
}
interface InfluxqlChunk {
  error?: string;
  results?: { statement_id?: number; error?: string; series?: InfluxqlSeries[] }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || ok(v);
const isString = (v: unknown) => typeof v === 'string';
const arrayOf = (v: unknown, ok: (x: unknown) => boolean) => Array.isArray(v) && v.every(ok);

function isSeries(v: unknown): boolean {
  return isObject(v) && isString(v.name) && arrayOf(v.columns, isString) && optional(v.values, (rows) => arrayOf(rows, Array.isArray));
}

function isResult(v: unknown): boolean {
  return (
    isObject(v) &&
    optional(v.statement_id, (x) => typeof x === 'number') &&
    optional(v.error, isString) &&
    optional(v.series, (series) => arrayOf(series, isSeries))
  );
}

/**
 * A chunk of an InfluxQL answer, its shape checked in place: a schema parse would copy every row
 * of every chunk (a million rows are a million arrays), which a count pays in time and a restore's
 * count in memory. Null when the shape is not InfluxDB's.
 */
export function influxqlChunk(parsed: unknown): InfluxqlChunk | null {
  return isObject(parsed) && optional(parsed.error, isString) && optional(parsed.results, (r) => arrayOf(r, isResult)) ? (parsed as InfluxqlChunk) : null;
}

export type InfluxqlRows = InfluxqlSeries & { statement: number };

/**
 * Runs InfluxQL `statements` against database `db`, streamed in chunks of JSON, and hands each
 * series chunk to `onSeries` as it arrives. Any statement error rejects (the answer is not complete
 * then): as InfluxqlRefused when InfluxDB refused the query or has no such database (400, 404, a
 * statement error), QueryCancelled when `signal` aborted; any other answer as its HTTP status.
 */
export async function streamInfluxql(
  db: string,
  statements: readonly string[],
  onSeries: (rows: InfluxqlRows) => void,
  conn: Connection,
  signal?: AbortSignal,
  timeoutMs = QUERY_TIMEOUT_MS,
): Promise<void> {
  if (signal?.aborted) throw new QueryCancelled();
  const body = new URLSearchParams({ db, q: statements.join(';\n'), chunked: 'true', chunk_size: String(CHUNK_ROWS) });
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(new URL('/query', conn.env.url), {
      method: 'POST',
      headers: {
        Authorization: `Token ${conn.env.token}`,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept-Encoding': 'identity',
      },
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!res.ok || !res.body) {
      const text = await res.text();
      const message = `InfluxDB answered the InfluxQL query with ${res.status}: ${text.slice(0, 300)}`;
      if (res.status === 400 || res.status === 404) throw new InfluxqlRefused(message);
      throw Object.assign(new Error(message), { statusCode: res.status, body: text });
    }
    const decoder = new TextDecoder();
    let pending = '';
    const line = (text: string) => {
      if (!text.trim()) return;
      const chunk = influxqlChunk(JSON.parse(text));
      if (!chunk)
        throw new InfluxqlRefused(`InfluxDB answered InfluxQL with an unexpected shape (a chunk of ${text.length} characters that is not results and series)`);
      if (chunk.error) throw new InfluxqlRefused(chunk.error);
      for (const r of chunk.results ?? []) {
        if (r.error) throw new InfluxqlRefused(r.error);
        for (const s of r.series ?? []) onSeries({ ...s, statement: r.statement_id ?? 0 });
      }
    };
    const reader = res.body.getReader();
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        // Each chunk of the answer is one line of JSON; only the new text is searched for its end.
        const text = decoder.decode(next.value, { stream: true });
        let start = 0;
        for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
          line(pending + text.slice(start, nl));
          pending = '';
          start = nl + 1;
        }
        pending += text.slice(start);
      }
    } finally {
      // A statement error mid-answer: close the connection, and InfluxDB stops the query.
      await reader.cancel().catch(() => undefined);
    }
    line(pending + decoder.decode());
  } catch (e) {
    if (signal?.aborted) throw new QueryCancelled();
    throw e;
  }
}

/** An answer the token may not have: a 4xx means "cannot tell", and InfluxQL is not used. */
async function unlessRefused<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    const status = (e as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return null;
    throw e;
  }
}

/**
 * Whether InfluxQL on database `bucket.name` reads this very bucket. The v1 API resolves the
 * database in the token's organization, by its DBRP mappings: every mapping of that name in every
 * organization the token sees must point at the bucket, or a query could read another one.
 */
export async function readsBucket(bucket: { id: string; name: string }, conn: Connection, signal?: AbortSignal): Promise<boolean> {
  const orgs = (await unlessRefused(new OrgsAPI(conn.influx).getOrgs({ limit: 100 })))?.orgs ?? [];
  if (orgs.length === 0 || orgs.length >= 100) return false;
  let found = 0;
  for (const org of orgs) {
    if (signal?.aborted) throw new QueryCancelled();
    if (!org.id) return false;
    const mappings = await unlessRefused(new DbrpsAPI(conn.influx).getDBRPs({ orgID: org.id, db: bucket.name }));
    if (!mappings) return false;
    for (const m of mappings.content ?? []) {
      if (m.bucketID !== bucket.id) return false;
      found++;
    }
  }
  return found > 0;
}
