import 'server-only';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { z } from 'zod';
import { consoleError, ConsoleFailure, type ConsoleError } from '../errors';
import type { Connection } from './client';
import { toConsoleError } from './errors';
import { log } from '../log';

/**
 * InfluxDB's backup and restore API, in the layout `influx backup` writes (influx-cli
 * clients/backup/backup.go): `<base>.bolt.gz` and `<base>.sqlite.gz` (the metadata snapshots),
 * `<base>.<shardID>.tar.gz` per shard and `<base>.manifest` (manifestVersion 2), so that
 * `influx restore DIR` reads a console backup. Shards stream from the socket to the file as the
 * server gzipped them: a shard is never held in memory.
 */

/** influx-cli's FileCompression, as its manifest encodes it (a Go int: 0 none, 1 gzip). */
const GZIP_COMPRESSION = 1;
export const MANIFEST_VERSION = 2;

/** A bucket as /api/v2/backup/metadata describes it; fields this code does not know are kept as they are. */
const shardSchema = z.looseObject({ id: z.number().int(), shardOwners: z.array(z.looseObject({ nodeID: z.number() })).nullish() });
const shardGroupSchema = z.looseObject({ id: z.number().int(), startTime: z.string(), endTime: z.string(), shards: z.array(shardSchema).nullish() });
const retentionPolicySchema = z.looseObject({
  name: z.string(),
  replicaN: z.number(),
  duration: z.number(),
  shardGroupDuration: z.number(),
  shardGroups: z.array(shardGroupSchema).nullish(),
  subscriptions: z.array(z.unknown()).nullish(),
});
export const bucketMetadataSchema = z.looseObject({
  organizationID: z.string(),
  organizationName: z.string(),
  bucketID: z.string(),
  bucketName: z.string(),
  description: z.string().optional(),
  defaultRetentionPolicy: z.string(),
  retentionPolicies: z.array(retentionPolicySchema),
});
export type BucketMetadata = z.infer<typeof bucketMetadataSchema>;

/** One file of a backup as influx-cli's manifest lists it. */
export interface ManifestFile {
  fileName: string;
  size: number;
  compression: number;
}

/** A file the backup wrote, with what the console checks it by. */
export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** influx-cli's manifest (internal/backup_restore/manifest.go, version 2). */
export interface InfluxManifest {
  manifestVersion: number;
  kv: ManifestFile;
  sql?: ManifestFile;
  /** Each shard carries its ManifestFile fields (fileName, size, compression) beside id and shardOwners. */
  buckets: BucketMetadata[];
}

export const influxManifestSchema = z.looseObject({
  manifestVersion: z.literal(MANIFEST_VERSION),
  kv: z.looseObject({ fileName: z.string(), size: z.number(), compression: z.number() }),
  sql: z.looseObject({ fileName: z.string(), size: z.number(), compression: z.number() }).optional(),
  buckets: z.array(bucketMetadataSchema),
});

/** What the backup API answers when the token is not an operator's: the error says how to get one. */
export function operatorTokenNeeded(detail: string): ConsoleError {
  return consoleError(
    'forbidden',
    `The backup API needs an operator token: InfluxDB refused this one${detail ? ` (${detail})` : ''}.`,
    'Create an operator token with `influx auth create --operator --org homeiq` (or use the one `influx setup` printed), set INFLUXDB_TOKEN to it and run the command again.',
  );
}

const IDLE_TIMEOUT_MS = 5 * 60_000;
/** Waits before asking again for a shard InfluxDB could not snapshot (its engine retries for ~1 s itself). */
const SHARD_RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000, 8_000];

interface Sent {
  res: IncomingMessage;
}

/** One request to InfluxDB with the configured token; the answer's body is left to the caller. */
function send(conn: Connection, method: 'GET' | 'POST', path: string, headers: Record<string, string | number>, body?: Readable | Buffer): Promise<Sent> {
  const url = new URL(path, conn.env.url + '/');
  const options: RequestOptions = { method, headers: { Authorization: `Token ${conn.env.token}`, ...headers } };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Sent>((resolve, reject) => {
    const req = request(url, options, (res) => resolve({ res }));
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(Object.assign(new Error('InfluxDB did not answer in time'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else pipeline(body, req).catch(reject);
  });
}

async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A refusal as the console's error: 401/403 on these endpoints mean the token is not an operator's. */
async function refusal(res: IncomingMessage, what: string): Promise<ConsoleFailure> {
  const text = (await readAll(res)).toString('utf8').slice(0, 2_000);
  let message = '';
  try {
    const json = JSON.parse(text) as { message?: unknown };
    if (typeof json.message === 'string') message = json.message;
  } catch {
    message = text.trim();
  }
  const status = res.statusCode ?? 0;
  if (status === 401 || status === 403) return new ConsoleFailure(operatorTokenNeeded(message));
  if (status >= 500)
    return new ConsoleFailure(
      consoleError(
        'unreachable',
        `InfluxDB answered ${what} with an error (${status})${message ? `: ${message.slice(0, 300)}` : ''}.`,
        'InfluxDB may be starting, overloaded or out of disk: check the influxd log, then run the command again.',
      ),
    );
  const code = res.headers['x-platform-error-code'];
  return new ConsoleFailure(toConsoleError({ statusCode: status, json: { message, ...(typeof code === 'string' ? { code } : {}) }, headers: res.headers }));
}

/** The local disk's errors: the caller says what they mean for its folder (a full disk, no permission). */
const FILE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EEXIST', 'EISDIR', 'EMFILE', 'EIO']);

/** Errors of the socket (influxd stopped mid-way, a timeout) as the console's; ours and the disk's pass through. */
function asInfluxError(e: unknown): unknown {
  if (e instanceof ConsoleFailure) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FILE_CODES.has(code) && typeof (e as { syscall?: unknown }).syscall === 'string') return e;
  return new ConsoleFailure(toConsoleError(e));
}

/** Counts and hashes what passes, so a file's checksum costs no second read. */
function tap(): Transform & { bytes: number; digest(): string } {
  const hash = createHash('sha256');
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      t.bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { bytes: number; digest(): string };
  t.bytes = 0;
  t.digest = () => hash.digest('hex');
  return t;
}

/** Streams `source` to `path` (gzipping it on the way unless it already is), hashing what is written. */
async function streamToFile(source: Readable, path: string, gzipIt: boolean, name: string): Promise<WrittenFile> {
  const counted = tap();
  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  if (gzipIt) await pipeline(source, createGzip(), counted, file);
  else await pipeline(source, counted, file);
  const size = (await stat(path)).size;
  if (size !== counted.bytes)
    throw new ConsoleFailure(
      consoleError(
        'internal',
        `The backup file ${name} has ${size} bytes on disk, ${counted.bytes} were written.`,
        'Check the disk of the backup folder, then back up again.',
      ),
    );
  return { name, bytes: counted.bytes, sha256: counted.digest() };
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

async function writeSmall(dir: string, name: string, content: Buffer): Promise<WrittenFile> {
  await writeFile(join(dir, name), content, { flag: 'wx', mode: 0o600 });
  return { name, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

interface Part {
  name: string;
  body: Buffer;
}

/** The parts of a multipart/mixed body (the metadata snapshot: a bolt file, an SQLite file, a JSON list). */
export function multipartParts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd === -1) break;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next === -1) break;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    parts.push({ name, body: body.subarray(headerEnd + 4, next) });
    at = next + 2;
  }
  return parts;
}

export interface MetadataSnapshot {
  kv: WrittenFile;
  sql: WrittenFile | null;
  buckets: BucketMetadata[];
}

/**
 * The metadata snapshot (KV and SQL stores, and every bucket with its shards), the stores written
 * gzipped to `<base>.bolt.gz` and `<base>.sqlite.gz` as influx-cli names them. The snapshot is a
 * few hundred kilobytes: it is read whole, then written.
 */
export async function downloadMetadata(dir: string, base: string, conn: Connection): Promise<MetadataSnapshot> {
  try {
    const { res } = await send(conn, 'GET', '/api/v2/backup/metadata', { 'Accept-Encoding': 'identity' });
    if (res.statusCode !== 200) throw await refusal(res, 'the metadata snapshot');
    const boundary = /boundary="?([^";]+)"?/i.exec(res.headers['content-type'] ?? '')?.[1];
    if (!boundary) throw new ConsoleFailure(consoleError('internal', 'InfluxDB answered the metadata snapshot without a multipart boundary.'));
    const parts = multipartParts(await readAll(res), boundary);
    const kvPart = parts.find((p) => p.name === 'kv');
    const bucketsPart = parts.find((p) => p.name === 'buckets');
    if (!kvPart || !bucketsPart)
      throw new ConsoleFailure(consoleError('internal', `InfluxDB's metadata snapshot lacks its ${kvPart ? 'buckets' : 'kv'} part.`));
    const buckets = z.array(bucketMetadataSchema).parse(JSON.parse(bucketsPart.body.toString('utf8')));
    const sqlPart = parts.find((p) => p.name === 'sql');
    const kv = await writeSmall(dir, `${base}.bolt.gz`, await gzipAsync(kvPart.body));
    const sql = sqlPart ? await writeSmall(dir, `${base}.sqlite.gz`, await gzipAsync(sqlPart.body)) : null;
    return { kv, sql, buckets };
  } catch (e) {
    throw asInfluxError(e);
  }
}

/**
 * One shard's TSM snapshot (a tar), streamed to `<base>.<shardID>.tar.gz` as InfluxDB gzipped it;
 * null when the shard was removed meanwhile (influx-cli skips it the same way).
 */
export async function downloadShard(
  dir: string,
  base: string,
  shardId: number,
  conn: Connection,
  retryDelaysMs: readonly number[] = SHARD_RETRY_MS,
): Promise<WrittenFile | null> {
  try {
    let { res } = await send(conn, 'GET', `/api/v2/backup/shards/${shardId}`, { 'Accept-Encoding': 'gzip' });
    // A shard whose cache is being snapshotted (a compaction, a write going cold) answers 500 for a moment: asked again, it answers.
    for (const delay of retryDelaysMs) {
      if ((res.statusCode ?? 0) < 500) break;
      log.warn('backup: InfluxDB could not snapshot a shard, asking again', {
        shard: shardId,
        status: res.statusCode,
        answer: (await readAll(res)).toString('utf8').slice(0, 300),
        retryInMs: delay,
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
      ({ res } = await send(conn, 'GET', `/api/v2/backup/shards/${shardId}`, { 'Accept-Encoding': 'gzip' }));
    }
    if (res.statusCode === 404) {
      res.resume();
      return null;
    }
    if (res.statusCode !== 200) throw await refusal(res, `the backup of shard ${shardId}`);
    const name = `${base}.${shardId}.tar.gz`;
    return await streamToFile(res, join(dir, name), res.headers['content-encoding'] !== 'gzip', name);
  } catch (e) {
    throw asInfluxError(e);
  }
}

export interface BackedUpBucket {
  metadata: BucketMetadata;
  /** The bucket's shard files, in manifest order. */
  files: WrittenFile[];
}

export interface BucketBackup {
  /** Every file written, the influx manifest last. */
  files: WrittenFile[];
  buckets: BackedUpBucket[];
  manifest: InfluxManifest;
  /** `<base>.manifest`, the file `influx restore` looks for. */
  manifestFile: string;
}

/**
 * Shards downloaded at once: two (influx-cli reads one after the other). InfluxDB writes a shard's
 * cache to disk before it snapshots the shard, but when that cache is already being written (by its
 * own compaction) it goes on without it ("Snapshotter busy: proceeding without cache contents",
 * tsm1 Engine.Backup). Two at a time right after a large write, with nothing checking, that left 1
 * and 7 of 90 daily shards of a million points without their data. Every shard is now checked by
 * /metrics (ShardDiskState): one whose cache still held data after it was read, or whose files
 * changed while it was read, is read again once it holds still, so two at a time is as complete
 * as one, and about 40 % faster at a million points (docs/benchmarks.md).
 */
const SHARD_DOWNLOADS = 2;

/**
 * What /metrics says of a shard's data on disk: the bytes in its WAL (its cache, not yet in a TSM
 * file) and a fingerprint of its TSM files and writes. A shard whose WAL holds data after it was
 * read, or whose fingerprint changed while it was read, may have been snapshotted without its cache
 * (see SHARD_DOWNLOADS): it is read again once it holds still. After a write, the first read writes
 * its cache out (the WAL empties, a TSM file appears) and the second finds it still.
 */
export interface ShardDiskState {
  wal: number;
  fingerprint: string;
}

/** Passes of reading again the shards that moved, before the backup keeps what it read. */
const SETTLE_PASSES = 3;

function unsettled(before: ShardDiskState | undefined, after: ShardDiskState | undefined): boolean {
  if (!before || !after) return false; // a shard /metrics does not list: nothing to tell
  return after.wal > 0 || before.fingerprint !== after.fingerprint;
}

/** Delays before asking again for a shard whose archive came back empty while its time range holds data. */
const EMPTY_RETRY_MS = [1_000, 2_000, 4_000];

/** Whether a shard archive holds no file: a gzipped tar of nothing but its end blocks (29 bytes as InfluxDB sends it). */
async function emptyArchive(path: string, bytes: number): Promise<boolean> {
  if (bytes > 512) return false;
  try {
    return (await gunzipAsync(await readFile(path))).every((b) => b === 0);
  } catch {
    return false;
  }
}

/**
 * `work` on each item, `limit` at a time, the answers in the items' order. Every started one
 * settles before an error is thrown (a file still being written is never left behind a failure),
 * and none starts after one failed.
 */
async function settledInTurn<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let failed: { reason: unknown } | null = null;
  const lane = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await work(items[i] as T);
      } catch (reason) {
        failed ??= { reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failed) throw (failed as { reason: unknown }).reason;
  return out;
}

/**
 * Backs up the named buckets of one organization into `dir` in influx-cli's layout, two shards at
 * a time (SHARD_DOWNLOADS). The caller owns `dir` (a partial folder it removes on failure); `onMetadata` hears the
 * buckets' metadata before the shards download.
 */
export async function backupBuckets(
  dir: string,
  base: string,
  orgID: string,
  names: readonly string[],
  conn: Connection,
  onMetadata: (buckets: BucketMetadata[]) => void = () => {},
  /** Whether a time range of a bucket holds data (asked only of a shard whose archive came back empty). */
  holdsData: (bucket: { id: string; name: string }, window: { start: string; stop: string }) => Promise<boolean> = async () => false,
  /** The state of every shard by /metrics (null when it is not served): how a shard read while it moved is told. */
  shardStates: () => Promise<ReadonlyMap<number, ShardDiskState> | null> = async () => null,
  /** Told of each shard written, pass by pass (pass 2 on: the shards read again). */
  onShard: (done: number, total: number, pass: number) => void = () => {},
): Promise<BucketBackup> {
  const meta = await downloadMetadata(dir, base, conn);
  onMetadata(meta.buckets.filter((b) => b.organizationID === orgID && names.includes(b.bucketName)));
  const wanted = names.map((name) => {
    const bucket = meta.buckets.find((b) => b.organizationID === orgID && b.bucketName === name);
    if (!bucket)
      throw new ConsoleFailure(
        consoleError(
          'not_found',
          `InfluxDB's metadata snapshot has no bucket ${name} in this organization.`,
          'It may have been deleted meanwhile: list the buckets and back up again.',
        ),
      );
    return bucket;
  });
  const shards = wanted.flatMap((b) =>
    b.retentionPolicies.flatMap((rp) =>
      (rp.shardGroups ?? []).flatMap((sg) => (sg.shards ?? []).map((s) => ({ id: s.id, bucket: b, window: { start: sg.startTime, stop: sg.endTime } }))),
    ),
  );
  // An empty archive of a shard whose time range holds data lost the cache InfluxDB could not write out (see SHARD_DOWNLOADS): asked again.
  const downloadChecked = async ({ id, bucket, window }: (typeof shards)[number]): Promise<WrittenFile | null> => {
    const complete = async (w: WrittenFile | null) => !w || !(await emptyArchive(join(dir, w.name), w.bytes));
    let written = await downloadShard(dir, base, id, conn);
    if ((await complete(written)) || !(await holdsData({ id: bucket.bucketID, name: bucket.bucketName }, window))) return written;
    for (const delay of EMPTY_RETRY_MS) {
      log.warn('backup: InfluxDB sent a shard without its data, asking again', { shard: id, bucket: bucket.bucketName, ...window, retryInMs: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (written) await unlink(join(dir, written.name));
      written = await downloadShard(dir, base, id, conn);
      if (await complete(written)) return written;
    }
    throw new ConsoleFailure(
      consoleError(
        'busy',
        `InfluxDB sent shard ${id} of ${bucket.bucketName} (${window.start} to ${window.stop}) without its data ${EMPTY_RETRY_MS.length + 1} times, though that range holds data: it was writing the shard's cache to disk and went on without it.`,
        'Back up again in a minute (InfluxDB\'s log says "Snapshotter busy: proceeding without cache contents").',
      ),
    );
  };
  // Shards whose cache or files moved while they were read are read again once they hold still (see ShardStates).
  const byId = new Map<number, WrittenFile | null>();
  let before = await shardStates();
  let todo = shards;
  let done = 0;
  let pass = 1;
  const counted = async (shard: (typeof shards)[number]) => {
    const written = await downloadChecked(shard);
    onShard(++done, todo.length, pass);
    return written;
  };
  for (; todo.length > 0; pass++, done = 0) {
    const got = await settledInTurn(todo, SHARD_DOWNLOADS, counted);
    todo.forEach((s, i) => byId.set(s.id, got[i] ?? null));
    const after = await shardStates();
    if (!before || !after) break; // no /metrics: nothing tells a shard that moved
    const moved = todo.filter((s) => unsettled(before?.get(s.id), after.get(s.id)));
    before = after;
    if (moved.length === 0) break;
    if (pass > SETTLE_PASSES) {
      log.warn('backup: shards kept changing while they were read: they hold what was on disk when read', { shards: moved.map((s) => s.id) });
      break;
    }
    log.info('backup: reading again shards whose cache or files moved while they were read', { shards: moved.map((s) => s.id), pass });
    for (const s of moved) {
      const old = byId.get(s.id);
      if (old) await unlink(join(dir, old.name));
    }
    todo = moved;
  }
  const files: WrittenFile[] = [meta.kv, ...(meta.sql ? [meta.sql] : [])];
  const backedUp: BackedUpBucket[] = [];
  const entries: InfluxManifest['buckets'] = [];
  for (const bucket of wanted) {
    const bucketFiles: WrittenFile[] = [];
    const retentionPolicies = [];
    for (const rp of bucket.retentionPolicies) {
      const shardGroups = [];
      for (const sg of rp.shardGroups ?? []) {
        const shards = [];
        for (const shard of sg.shards ?? []) {
          const written = byId.get(shard.id);
          if (!written) continue;
          bucketFiles.push(written);
          shards.push({ ...shard, shardOwners: shard.shardOwners ?? [], fileName: written.name, size: written.bytes, compression: GZIP_COMPRESSION });
        }
        shardGroups.push({ ...sg, shards });
      }
      retentionPolicies.push({ ...rp, shardGroups, subscriptions: rp.subscriptions ?? [] });
    }
    entries.push({ ...bucket, retentionPolicies });
    backedUp.push({ metadata: bucket, files: bucketFiles });
    files.push(...bucketFiles);
  }
  const manifest: InfluxManifest = {
    manifestVersion: MANIFEST_VERSION,
    kv: { fileName: meta.kv.name, size: meta.kv.bytes, compression: GZIP_COMPRESSION },
    ...(meta.sql ? { sql: { fileName: meta.sql.name, size: meta.sql.bytes, compression: GZIP_COMPRESSION } } : {}),
    buckets: entries,
  };
  const manifestFile = await writeSmall(dir, `${base}.manifest`, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  files.push(manifestFile);
  return { files, buckets: backedUp, manifest, manifestFile: manifestFile.name };
}

/** The bucket entry as /api/v2/restore/bucketMetadata takes it: without the local file fields. */
function restorable(entry: BucketMetadata, name: string): unknown {
  return {
    ...entry,
    bucketName: name,
    retentionPolicies: entry.retentionPolicies.map((rp) => ({
      ...rp,
      shardGroups: (rp.shardGroups ?? []).map((sg) => ({ ...sg, shards: (sg.shards ?? []).map((s) => ({ id: s.id, shardOwners: s.shardOwners ?? [] })) })),
    })),
  };
}

/**
 * Shard groups restored at once: two (influx-cli restores one shard after the other). A shard's
 * restore keeps influxd busy on about 1.2 cores (its index is rebuilt from the shard's keys); two
 * at once took the restore calls of a million points from 24.6 and 21.6 s to 22.1 and 18.3 s; three, no faster.
 */
const RESTORE_UPLOADS = 2;

/** A shard group of a bucket being restored, once InfluxDB holds all its data again. */
export interface RestoredGroup {
  /** The group's time range, [start, stop). */
  start: string;
  stop: string;
}

/** The shard groups of a bucket entry that hold shards, with their shards, oldest first. */
function groupsOf(entry: BucketMetadata): { start: string; stop: string; shards: { id: number; fileName: string }[] }[] {
  return entry.retentionPolicies
    .flatMap((rp) => rp.shardGroups ?? [])
    .map((sg) => ({
      start: sg.startTime,
      stop: sg.endTime,
      shards: (sg.shards ?? []).map((s) => ({ id: s.id, fileName: String((s as { fileName?: unknown }).fileName ?? '') })),
    }))
    .filter((g) => g.shards.length > 0)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * Restores a bucket's files from `dir` into a NEW bucket `name` of the same organization:
 * bucketMetadata creates it with the backed-up shard groups, then each shard file is posted to
 * the new shard ID the server mapped it to, two groups at a time (RESTORE_UPLOADS); `onGroup` hears
 * each group once all its shards are in. InfluxDB refuses a name in use (conflict). Nothing should
 * read the bucket before this resolves: a shard group counted while later ones were being restored
 * came out short (by 0.8 % and 1.6 % of a million points in two runs), counted after them, exact.
 */
export async function restoreBucket(
  dir: string,
  entry: BucketMetadata,
  name: string,
  conn: Connection,
  onGroup: (group: RestoredGroup, done: number, total: number) => void = () => {},
): Promise<{ id: string; name: string; shards: number }> {
  try {
    const body = Buffer.from(JSON.stringify(restorable(entry, name)));
    const { res } = await send(conn, 'POST', '/api/v2/restore/bucketMetadata', { 'Content-Type': 'application/json', 'Content-Length': body.length }, body);
    if (res.statusCode !== 201 && res.statusCode !== 200) throw await refusal(res, `the restore of ${name}'s metadata`);
    const mapping = z
      .object({ id: z.string(), name: z.string(), shardMappings: z.array(z.object({ oldId: z.number(), newId: z.number() })).nullish() })
      .parse(JSON.parse((await readAll(res)).toString('utf8')));
    const newIds = new Map((mapping.shardMappings ?? []).map((m) => [m.oldId, m.newId]));
    let shards = 0;
    let groupsDone = 0;
    const groups = groupsOf(entry);
    await settledInTurn(groups, RESTORE_UPLOADS, async (group) => {
      for (const shard of group.shards) {
        const newId = newIds.get(shard.id);
        if (newId === undefined)
          throw new ConsoleFailure(
            consoleError(
              'internal',
              `InfluxDB did not map shard ${shard.id} of ${entry.bucketName} to a shard of ${name}.`,
              `Delete the bucket ${name} and restore again.`,
            ),
          );
        const path = join(dir, shard.fileName);
        const size = (await stat(path)).size;
        const sent = await send(
          conn,
          'POST',
          `/api/v2/restore/shards/${newId}`,
          { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip', 'Content-Length': size },
          createReadStream(path),
        );
        if (sent.res.statusCode !== 204 && sent.res.statusCode !== 200) throw await refusal(sent.res, `the restore of shard ${newId}`);
        sent.res.resume();
        shards++;
      }
      onGroup({ start: group.start, stop: group.stop }, ++groupsDone, groups.length);
    });
    return { id: mapping.id, name: mapping.name, shards };
  } catch (e) {
    throw asInfluxError(e);
  }
}
