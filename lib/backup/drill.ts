import 'server-only';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleError, ConsoleFailure } from '../errors';
import { deleteBucket, findBucket } from '../influx/buckets';
import { influxManifestSchema, restoreBucket, type BucketMetadata, type RestoredGroup } from '../influx/backup';
import { toConsoleError } from '../influx/errors';
import type { Connection } from '../influx/client';
import { exportLines } from '../influx/export-query';
import { bucketSchema, readPoints } from '../influx/points';
import type { OrgInfo } from '../influx/orgs';
import type { OnProgress } from '../model/progress';
import { checkFiles, type ConsoleManifest, type StoredBackup } from './store';
import { errorText, log } from '../log';
import { plural } from '../model/plural';
import { countWindows } from '../stats/window-counts';

/** A bucket's records per measurement (measurements without records left out), and their total. */
export interface Counts {
  records: number;
  measurements: Record<string, number>;
}

export function countsOfRecords(records: Record<string, number>): Counts {
  const measurements = Object.fromEntries(Object.entries(records).filter(([, n]) => n > 0));
  return { records: Object.values(measurements).reduce((a, b) => a + b, 0), measurements };
}

/** Null when `actual` equals the counts recorded at backup time, else what differs, per measurement. */
export function countsDiffer(bucket: string, expected: Counts, actual: Counts): string | null {
  const names = [...new Set([...Object.keys(expected.measurements), ...Object.keys(actual.measurements)])].sort();
  const diffs = names
    .filter((m) => (expected.measurements[m] ?? 0) !== (actual.measurements[m] ?? 0))
    .map((m) => `${m} has ${actual.measurements[m] ?? 0} records, ${expected.measurements[m] ?? 0} were backed up`);
  return diffs.length ? `${bucket}: ${diffs.join('; ')}` : null;
}

export function equalText(counts: Counts): string {
  const n = Object.keys(counts.measurements).length;
  return `${plural(counts.records, 'record')} in ${n} measurement${n === 1 ? '' : 's'}, equal to the backup`;
}

/**
 * The raw rows of one day of a bucket: how many, and a digest of their text. `method` says how
 * they were read, and the drill reads the restored copy the same way: `influxql`, every point as
 * InfluxQL returns it (each field with its type), `sha256` the sum of each row's; absent, the sha256
 * of line protocol through Flux (backups before it).
 */
export interface RowSample {
  start: string;
  stop: string;
  lines: number;
  sha256: string;
  method?: 'influxql';
}

/**
 * The window the drill compares row by row: the last day of the oldest shard group of the backup
 * (the group least likely to be written to while the backup runs; its last day holds data when the
 * data goes on past it, as daily aggregates do). A day, not the whole group. One shard group: one type per field.
 */
export function sampleWindow(entry: BucketMetadata): { start: string; stop: string } | null {
  const groups = entry.retentionPolicies.flatMap((rp) => rp.shardGroups ?? []).filter((g) => (g.shards ?? []).length > 0);
  const oldest = groups.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))[0];
  if (!oldest) return null;
  const stop = Date.parse(oldest.endTime);
  return { start: new Date(Math.max(Date.parse(oldest.startTime), stop - 86_400_000)).toISOString(), stop: new Date(stop).toISOString() };
}

const MASK_256 = (1n << 256n) - 1n;

/**
 * The rows of `window` through InfluxQL (the reader of the counts: 20-50 times Flux's speed on many
 * series), one text line per point: measurement, time, tags, and each field as `name::type=value`,
 * whatever the schema's mix of types. Their digest is the sum (mod 2^256) of each line's sha256: the
 * order InfluxDB merges series in does not count, and no line is held (constant memory, any size).
 * Null when InfluxQL cannot read the bucket exactly (no mapping of its name, a tag and a field of one name).
 */
async function influxqlSample(bucket: { id: string; name: string }, window: { start: string; stop: string }, conn: Connection): Promise<RowSample | null> {
  const schema = await bucketSchema(bucket, conn);
  if (!schema) return null;
  let lines = 0;
  let sum = 0n;
  const filter = { startNs: BigInt(Date.parse(window.start)) * 1_000_000n, stopNs: BigInt(Date.parse(window.stop)) * 1_000_000n, stopIncluded: false };
  const read = await readPoints(
    bucket.name,
    schema,
    [...schema.keys()],
    filter,
    (rows) => {
      const fields = schema.get(rows.measurement)?.fields;
      const typed = rows.columns.map((c) => (rows.fieldColumns.has(c) ? (c.includes('::') ? c : `${c}::${fields?.get(c)?.[0] ?? ''}`) : null));
      const timeAt = rows.columns.indexOf('time');
      for (const row of rows.values) {
        const tags: string[] = [];
        const values: string[] = [];
        rows.columns.forEach((c, i) => {
          const v = row[i];
          if (i === timeAt || v === null || v === undefined) return;
          const field = typed[i];
          if (field) values.push(`${field}=${JSON.stringify(v)}`);
          else tags.push(`${c}=${JSON.stringify(v)}`);
        });
        const line = `${rows.measurement} ${String(row[timeAt])} ${tags.sort().join(',')} ${values.sort().join(',')}`;
        sum += BigInt(`0x${createHash('sha256').update(line).digest('hex')}`);
        lines++;
      }
    },
    conn,
  );
  if (!read) return null;
  return { start: window.start, stop: window.stop, lines, sha256: (sum & MASK_256).toString(16).padStart(64, '0'), method: 'influxql' };
}

/** The same rows as line protocol through Flux (the export's query): how backups before `method` took their sample. */
async function fluxSample(bucket: string, window: { start: string; stop: string }, conn: Connection): Promise<RowSample> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of exportLines({ bucket, measurements: [], start: window.start, stop: window.stop }, conn)) {
    hash.update(chunk.text);
    lines += chunk.lines;
  }
  return { start: window.start, stop: window.stop, lines, sha256: hash.digest('hex') };
}

/**
 * The raw rows of `window` of a bucket. `like`: the sample to compare with (the drill reads the
 * restored copy as that one was read; null when it cannot); without it, InfluxQL where it reads the
 * bucket exactly, else Flux.
 */
export async function sampleRows(
  bucket: { id: string; name: string },
  window: { start: string; stop: string },
  conn: Connection,
  like?: RowSample,
): Promise<RowSample | null> {
  if (like && like.method !== 'influxql') return fluxSample(bucket.name, window, conn);
  const sample = await influxqlSample(bucket, window, conn);
  return sample ?? (like ? null : fluxSample(bucket.name, window, conn));
}

/** The backup's entry of `bucket` in influx-cli's manifest (the shards and their files). */
export async function influxEntry(stored: StoredBackup, bucket: string): Promise<BucketMetadata> {
  const raw: unknown = JSON.parse(await readFile(join(stored.dir, stored.manifest.influxManifest), 'utf8'));
  const parsed = influxManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConsoleFailure(
      consoleError('invalid', `The influx manifest of backup ${stored.manifest.id} cannot be read.`, 'Run `backup verify` on it; take a new backup.'),
    );
  const entry = parsed.data.buckets.find((b) => b.bucketName === bucket);
  if (!entry)
    throw new ConsoleFailure(
      consoleError(
        'not_found',
        `Backup ${stored.manifest.id} has no bucket ${bucket}.`,
        `It holds: ${stored.manifest.buckets.map((b) => b.name).join(', ') || 'no bucket'}.`,
      ),
    );
  // Only files the console manifest lists (and checkFiles checked) are sent: never a path the influx manifest was edited to name.
  const listed = new Set(manifestBucket(stored.manifest, bucket).files);
  for (const rp of entry.retentionPolicies)
    for (const sg of rp.shardGroups ?? [])
      for (const shard of sg.shards ?? []) {
        const file = String((shard as { fileName?: unknown }).fileName ?? '');
        if (!listed.has(file))
          throw new ConsoleFailure(
            consoleError(
              'invalid',
              `Backup ${stored.manifest.id} is damaged: its influx manifest names ${JSON.stringify(file)} for shard ${shard.id} of ${bucket}, a file its console manifest does not list.`,
              'Restore from another backup (`backup list`), and take a new one.',
            ),
          );
      }
  return entry;
}

export function manifestBucket(manifest: ConsoleManifest, bucket: string): ConsoleManifest['buckets'][number] {
  const entry = manifest.buckets.find((b) => b.name === bucket);
  if (!entry)
    throw new ConsoleFailure(
      consoleError(
        'not_found',
        `Backup ${manifest.id} has no bucket ${bucket}.`,
        `It holds: ${manifest.buckets.map((b) => b.name).join(', ') || 'no bucket'}.`,
      ),
    );
  return entry;
}

/** A bucket restored, and its records counted afresh (every shard group read, as it arrived). */
export interface Restored {
  id: string;
  counts: Counts;
}

/**
 * Restores `bucket` of a backup as the new bucket `name` of `org`, and counts it exactly: its files
 * are checked against the console manifest first (a changed file is named), then every shard group
 * is counted once all are in (window-counts.ts), and a restore that fails half-way deletes the bucket it created.
 */
export async function restoreAs(
  stored: StoredBackup,
  bucket: string,
  name: string,
  org: OrgInfo,
  conn: Connection,
  onProgress: OnProgress = () => {},
): Promise<Restored> {
  const recorded = manifestBucket(stored.manifest, bucket);
  const files = stored.manifest.files.filter((f) => f.name === stored.manifest.influxManifest || recorded.files.includes(f.name));
  const problem = await checkFiles(stored.dir, files);
  if (problem)
    throw new ConsoleFailure(
      consoleError('invalid', `Backup ${stored.manifest.id} is damaged: ${problem}.`, 'Restore from another backup (`backup list`), and take a new one.'),
    );
  const entry = await influxEntry(stored, bucket);
  if (await findBucket(org.id, name, conn))
    throw new ConsoleFailure(
      consoleError(
        'conflict',
        `Bucket ${name} exists: a restore never writes into an existing bucket.`,
        `Restore under a new name, or over ${name} with its name typed (CLI: --replace --confirm ${name}): it is backed up first.`,
      ),
    );
  try {
    const t0 = performance.now();
    const groups: RestoredGroup[] = [];
    const restored = await restoreBucket(stored.dir, { ...entry, organizationID: org.id, organizationName: org.name }, name, conn, (g, done, total) => {
      groups.push(g);
      onProgress({ label: `Restoring ${bucket} as ${name}: shard groups`, done, total });
    });
    const uploaded = performance.now();
    const measurements = await countWindows(restored, groups, conn, undefined, (done, total) =>
      onProgress({ label: `Counting every record of ${name}: shard groups`, done, total }),
    );
    // restoreMs: the restore calls; countedAfterMs: the count of the restored bucket after them.
    log.info('backup: restored', {
      bucket: name,
      shards: restored.shards,
      restoreMs: Math.round(uploaded - t0),
      countedAfterMs: Math.round(performance.now() - uploaded),
    });
    return { id: restored.id, counts: { records: Object.values(measurements).reduce((a, b) => a + b, 0), measurements } };
  } catch (e) {
    // Half a restore is worse than none: the bucket it created goes (unless it was someone else's, created meanwhile under that name: conflict).
    const conflict = e instanceof ConsoleFailure && e.detail.code === 'conflict';
    if (conflict) throw e;
    const removed = await findBucket(org.id, name, conn)
      .then(async (created) => {
        if (created) await deleteBucket(created.id, conn);
        return true;
      })
      .catch((err: unknown) => {
        log.warn('backup: removing a half-restored bucket failed', { bucket: name, error: errorText(err) });
        return false;
      });
    if (removed) throw e;
    // InfluxDB went away part-way (or refuses the delete): the bucket may be there with part of the backup, and the user is told.
    const detail = toConsoleError(e);
    throw new ConsoleFailure({
      ...detail,
      message: `${detail.message} The restore stopped part-way, and the bucket ${name} could not be removed: it may hold part of the backup.`,
      fix: `${detail.fix ? `${detail.fix} ` : ''}Once InfluxDB answers, delete it (homeiq-console buckets delete ${name} --yes --no-backup) and restore again.`,
    });
  }
}
