import 'server-only';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleError, ConsoleFailure } from '../errors';
import { deleteBucket, findBucket } from '../influx/buckets';
import { influxManifestSchema, restoreBucket, type BucketMetadata } from '../influx/backup';
import type { Connection } from '../influx/client';
import { exportLines } from '../influx/export-query';
import type { OrgInfo } from '../influx/orgs';
import type { BucketStats } from '../model/stats';
import { checkFiles, type ConsoleManifest, type StoredBackup } from './store';
import { errorText, log } from '../log';
import { plural } from '../model/plural';
import { windowCounter, type WindowCounter } from '../stats/window-counts';

/** A bucket's records per measurement (measurements without records left out), and their total. */
export interface Counts {
  records: number;
  measurements: Record<string, number>;
}

export function countsOf(stats: BucketStats): Counts {
  const measurements: Record<string, number> = {};
  for (const m of [...stats.measurements, ...stats.unexpected]) if (m.records > 0) measurements[m.name] = m.records;
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

/** The raw rows of one shard group of a bucket, as line protocol: how many lines, and their sha256. */
export interface RowSample {
  start: string;
  stop: string;
  lines: number;
  sha256: string;
}

/**
 * The window the drill compares row by row: the last day of the oldest shard group of the backup
 * (the group least likely to be written to while the backup runs; its last day holds data when the
 * data goes on past it, as daily aggregates do). A day, not the whole group: a 7-day group of a
 * 1M-point backup took 37-50 s to read as line protocol. One shard group: one type per field (export-query.ts).
 */
export function sampleWindow(entry: BucketMetadata): { start: string; stop: string } | null {
  const groups = entry.retentionPolicies.flatMap((rp) => rp.shardGroups ?? []).filter((g) => (g.shards ?? []).length > 0);
  const oldest = groups.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))[0];
  if (!oldest) return null;
  const stop = Date.parse(oldest.endTime);
  return { start: new Date(Math.max(Date.parse(oldest.startTime), stop - 86_400_000)).toISOString(), stop: new Date(stop).toISOString() };
}

export async function sampleRows(bucket: string, window: { start: string; stop: string }, conn: Connection): Promise<RowSample> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of exportLines({ bucket, measurements: [], ...window }, conn)) {
    hash.update(chunk.text);
    lines += chunk.lines;
  }
  return { ...window, lines, sha256: hash.digest('hex') };
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
 * are checked against the console manifest first (a changed file is named), each shard group is
 * counted as soon as it is restored, while the next one uploads, and a restore that fails half-way
 * deletes the bucket it created.
 */
export async function restoreAs(stored: StoredBackup, bucket: string, name: string, org: OrgInfo, conn: Connection): Promise<Restored> {
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
  let counter: WindowCounter | null = null;
  try {
    const restored = await restoreBucket(stored.dir, { ...entry, organizationID: org.id, organizationName: org.name }, name, conn, (group) => {
      counter ??= windowCounter(group.bucket, conn);
      counter.add(group);
    });
    const measurements = counter ? await (counter as WindowCounter).total() : {};
    return { id: restored.id, counts: { records: Object.values(measurements).reduce((a, b) => a + b, 0), measurements } };
  } catch (e) {
    await (counter as WindowCounter | null)?.total().catch(() => {}); // nothing still reads the bucket that goes
    // Half a restore is worse than none: the bucket it created goes (unless it was someone else's, created meanwhile under that name: conflict).
    const conflict = e instanceof ConsoleFailure && e.detail.code === 'conflict';
    const created = conflict ? null : await findBucket(org.id, name, conn).catch(() => null);
    if (created)
      await deleteBucket(created.id, conn).catch((err: unknown) =>
        log.warn('backup: removing a half-restored bucket failed', { bucket: name, error: errorText(err) }),
      );
    throw e;
  }
}
