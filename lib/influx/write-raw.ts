import 'server-only';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Precision } from '../model/line-protocol';
import { ConsoleFailure } from '../errors';
import type { Connection } from './client';
import { toConsoleError } from './errors';
import { bucketRefusal, inactiveToken } from './permission';

/**
 * Raw line protocol as it is in a file, written in batches: gzip-compressed, in the file's
 * precision. 429, 5xx and no answer are retried with backoff (InfluxDB's Retry-After first);
 * a refusal caused by the lines (400, 413, 422) is narrowed down to the lines by splitting the
 * batch in halves: rewriting a line InfluxDB already took is harmless (same series and time).
 */

export interface RawLine {
  line: number;
  text: string;
}

/** Records to write, by index: the line each starts on, and the text of a range joined by line breaks (a LineBatch). */
export interface RawLines {
  readonly length: number;
  lineAt(i: number): number;
  body(from: number, to: number): string | Uint8Array;
}

export interface Refusal {
  line: number;
  message: string;
}

export interface RetryPolicy {
  retries: number;
  /** First delay; doubled on each retry, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 };

type Sent = { ok: true } | { ok: false; status: number; message: string };

interface HttpLike {
  statusCode: number;
  body?: string;
  json?: unknown;
  retryAfter?: () => number;
}

function httpError(e: unknown): HttpLike | null {
  return typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number' ? (e as HttpLike) : null;
}

function messageOf(e: HttpLike): string {
  const json = e.json as { message?: unknown } | undefined;
  if (json && typeof json.message === 'string') return json.message;
  return (e.body ?? '').slice(0, 1_000) || `HTTP ${e.statusCode}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const gzipAsync = promisify(gzip);
/** Bodies up to this size go as they are (the client library's own threshold). */
const GZIP_THRESHOLD = 1_000;

/**
 * One POST to /api/v2/write, retried while InfluxDB is busy or silent. The body is compressed
 * once, off the main thread, and goes as bytes (`iterate` takes them; `request` would JSON-encode
 * them): the compressed copy is an eighth of the text, so less memory waits for V8 to free it.
 */
async function send(bucket: string, text: string | Uint8Array, precision: Precision, conn: Connection, policy: RetryPolicy): Promise<Sent> {
  const path = `/api/v2/write?org=${encodeURIComponent(conn.env.org)}&bucket=${encodeURIComponent(bucket)}&precision=${precision}`;
  const gzipped = (typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength) > GZIP_THRESHOLD;
  const body = gzipped ? await gzipAsync(text) : text;
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', ...(gzipped ? { 'content-encoding': 'gzip' } : {}) };
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = conn.influx.transport.iterate(path, body, { method: 'POST', headers });
      // A write answers 204 with no body; reading to the end lets the connection be reused.
      while (!(await answer.next()).done);
      return { ok: true };
    } catch (e) {
      const http = httpError(e);
      if (http && [400, 413, 422].includes(http.statusCode)) return { ok: false, status: http.statusCode, message: messageOf(http) };
      const retryable = !http || http.statusCode === 429 || http.statusCode >= 500;
      if (http?.statusCode === 403) throw new ConsoleFailure(/token is inactive/.test(messageOf(http)) ? inactiveToken() : bucketRefusal(bucket, 'write'));
      if (!retryable || attempt >= policy.retries) throw new ConsoleFailure(toConsoleError(e));
      const suggested = http?.retryAfter ? http.retryAfter() : 0;
      await sleep(Math.min(policy.maxDelayMs, Math.max(suggested, policy.baseDelayMs * 2 ** attempt)));
    }
  }
}

/** InfluxDB's message for one line: its `unable to parse '<the line>': ` prefix dropped. */
function lineMessage(message: string): string {
  const m = /unable to parse '[\s\S]*': ([^\n]*)$/.exec(message);
  return m?.[1] ?? message;
}

function ofArray(lines: readonly RawLine[]): RawLines {
  return {
    length: lines.length,
    lineAt: (i) => lines[i]?.line ?? 0,
    body: (from, to) =>
      lines
        .slice(from, to)
        .map((l) => l.text)
        .join('\n'),
  };
}

/**
 * Writes a batch; resolves with the lines InfluxDB finally refused (empty: all written).
 * Throws only for what no line caused (the token, the bucket, InfluxDB down after the retries).
 */
export async function writeRawBatch(
  bucket: string,
  lines: readonly RawLine[] | RawLines,
  precision: Precision,
  conn: Connection,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<Refusal[]> {
  const batch = 'lineAt' in lines ? lines : ofArray(lines);
  return writeRange(bucket, batch, 0, batch.length, precision, conn, policy);
}

/** Records [from, to) of a batch; a refused range is halved until the refused lines are found. */
async function writeRange(
  bucket: string,
  lines: RawLines,
  from: number,
  to: number,
  precision: Precision,
  conn: Connection,
  policy: RetryPolicy,
): Promise<Refusal[]> {
  if (to <= from) return [];
  const sent = await send(bucket, lines.body(from, to), precision, conn, policy);
  if (sent.ok) return [];
  if (to - from === 1) return [{ line: lines.lineAt(from), message: `${lineMessage(sent.message)} (HTTP ${sent.status})` }];
  const half = from + Math.ceil((to - from) / 2);
  const left = await writeRange(bucket, lines, from, half, precision, conn, policy);
  const right = await writeRange(bucket, lines, half, to, precision, conn, policy);
  return [...left, ...right];
}
