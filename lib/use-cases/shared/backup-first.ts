import 'server-only';
import { resolve } from 'node:path';
import { countsOfRecords, sampleRows, sampleWindow, type Counts, type RowSample } from '../../backup/drill';
import { completePartial, discardPartial, fileProblem, openPartial, sweepPartials, type ConsoleManifest } from '../../backup/store';
import { consoleError, ConsoleFailure } from '../../errors';
import { backupBuckets, type BucketMetadata, type ShardDiskState } from '../../influx/backup';
import { bucketShards } from '../../stats/change-signal';
import { scrapeMetrics } from '../../stats/scrape';
import { toConsoleError } from '../../influx/errors';
import { errorText, log } from '../../log';
import { bucketMissing } from '../../messages';
import { restoreCommand, type BackupRef } from '../../model/backup-first';
import type { Actor } from '../../auth/actor';
import type { Result } from '../../result';
import { outcome, recordChange, withInflux, type Context } from '../context';
import { recordsOf } from './stats';
import type { OnProgress } from '../../model/progress';
import { countWindows } from '../../stats/window-counts';

export interface BackupInput {
  /** Buckets of the organization to back up; none: every bucket of it but the system ones. */
  buckets?: readonly string[];
  /** The backup folder; default CONSOLE_BACKUP_DIR, else the data folder's `backups/`. */
  out?: string;
}

/** `backup create --json`: a public contract. */
export interface CreatedBackup {
  id: string;
  dir: string;
  bytes: number;
  buckets: { name: string; records: number }[];
}

const isFileError = (e: unknown) => !(e instanceof ConsoleFailure) && typeof (e as { syscall?: unknown } | null)?.syscall === 'string';

/**
 * Backs up buckets in influx-cli's layout, with the console's manifest beside it: the record
 * counts (exact, brought up to date) while the metadata snapshot and every shard stream to disk.
 * Written into a partial folder that becomes the backup only when every file checks; anything
 * failing removes it. Shared by `backup create` and the backup a destructive change takes first.
 */
export async function takeBackup(
  ctx: Context,
  input: BackupInput,
  opts: {
    /** Hears the buckets backed up, once known (the audit row names them, also on failure). */
    onNames?: (names: string[]) => void;
    /** The time the backup is named after (the scheduler's clock). */
    at?: Date;
    onProgress?: OnProgress;
  } = {},
): Promise<CreatedBackup> {
  const { onNames = () => {}, at = new Date(), onProgress = () => {} } = opts;
  let names: string[] = [...new Set(input.buckets ?? [])];
  onNames(names);
  const root = input.out ? resolve(/*turbopackIgnore: true*/ input.out) : ctx.config.backupDir;
  const existing = await ctx.influx.buckets();
  if (names.length === 0)
    onNames(
      (names = existing
        .filter((b) => !b.system)
        .map((b) => b.name)
        .sort()),
    );
  if (names.length === 0)
    throw new ConsoleFailure(
      consoleError('not_found', 'The organization has no bucket to back up.', 'Provision the AI-5 buckets first, or name a bucket with --bucket.'),
    );
  for (const name of names) {
    const bucket = existing.find((b) => b.name === name);
    if (!bucket) throw new ConsoleFailure(bucketMissing(name, 'Check the name with `buckets list`.'));
    if (bucket.system)
      throw new ConsoleFailure(
        consoleError('invalid', `${name} is a system bucket: the console backs up the organization's own buckets.`, 'Name another bucket with --bucket.'),
      );
  }
  await sweepPartials(root).catch((e: unknown) => log.warn('backup: sweeping partial backups failed', { root, error: errorText(e) }));
  const partial = await openPartial(root, at);
  try {
    // The exact counts and the shards at once: one waits on InfluxDB's query engine, the other on its snapshots and the disk.
    const countAll = async () => {
      const counts = new Map<string, Counts>();
      for (const name of names)
        counts.set(
          name,
          countsOfRecords(
            await recordsOf(ctx, name, undefined, (done, total) =>
              onProgress({ label: `Counting the records of ${name} (slices not counted yet)`, done, total }),
            ),
          ),
        );
      return counts;
    };
    // The drill's row sample too, once the metadata says which shard group to read.
    const readSamples = async (buckets: BucketMetadata[]) => {
      const samples = new Map<string, RowSample | null>();
      for (const b of buckets) {
        const window = sampleWindow(b);
        const t0 = performance.now();
        const sample = window ? await sampleRows({ id: b.bucketID, name: b.bucketName }, window, ctx.influx.conn) : null;
        if (sample) log.info('backup: sample rows read', { bucket: b.bucketName, lines: sample.lines, sampleMs: Math.round(performance.now() - t0) });
        samples.set(b.bucketName, sample);
      }
      return samples;
    };
    const sampling: { started: Promise<Map<string, RowSample | null>> } = { started: Promise.resolve(new Map()) };
    const t0 = performance.now();
    const took = { countsMs: 0, shardsMs: 0, samplesMs: 0 };
    const timed = <T>(p: Promise<T>, key: keyof typeof took) => p.finally(() => (took[key] = Math.round(performance.now() - t0)));
    const holdsData = async (bucket: { id: string; name: string }, window: { start: string; stop: string }) =>
      Object.values(await countWindows(bucket, [window], ctx.influx.conn)).some((n) => n > 0);
    const backingUp = backupBuckets(
      partial.dir,
      partial.id,
      ctx.influx.org.id,
      names,
      ctx.influx.conn,
      (buckets) => {
        sampling.started = timed(readSamples(buckets), 'samplesMs');
        sampling.started.catch(() => {}); // handled below, once everything settled
      },
      holdsData,
      async () => {
        const scrape = await scrapeMetrics(ctx.influx.conn, 0);
        if (!scrape) return null;
        const states = new Map<number, ShardDiskState>();
        for (const b of existing.filter((x) => names.includes(x.name)))
          for (const [id, st] of Object.entries(bucketShards(scrape.families, b.id)))
            states.set(Number(id), { wal: st.wal, fingerprint: `${st.written}|${st.tsm ?? ''}|${st.files ?? ''}|${st.wal}` });
        return states;
      },
      (done, total, pass) =>
        onProgress({ label: pass === 1 ? 'Backing up: shards' : `Backing up: shards read again, as they moved (pass ${pass})`, done, total }),
    );
    // All settle before any error is thrown: the partial folder is removed only once nothing writes into it.
    const [countsDone, backupDone] = await Promise.allSettled([timed(countAll(), 'countsMs'), timed(backingUp, 'shardsMs')]);
    const [samplesDone] = await Promise.allSettled([sampling.started]);
    if (backupDone.status === 'rejected') throw backupDone.reason;
    if (countsDone.status === 'rejected') throw countsDone.reason;
    if (samplesDone.status === 'rejected') throw samplesDone.reason;
    const counts = countsDone.value;
    const backup = backupDone.value;
    const samples = samplesDone.value;
    const manifest: ConsoleManifest = {
      formatVersion: 1,
      id: partial.id,
      createdAt: at.toISOString(),
      org: ctx.influx.org.name,
      influxManifest: backup.manifestFile,
      bytes: backup.files.reduce((sum, f) => sum + f.bytes, 0),
      buckets: backup.buckets.map((b) => ({
        name: b.metadata.bucketName,
        id: b.metadata.bucketID,
        records: counts.get(b.metadata.bucketName)?.records ?? 0,
        measurements: counts.get(b.metadata.bucketName)?.measurements ?? {},
        files: b.files.map((f) => f.name),
        sample: samples.get(b.metadata.bucketName) ?? null,
      })),
      files: backup.files,
      verified: null,
    };
    const checking = performance.now();
    const dir = await completePartial(root, partial, manifest);
    // Each figure: ms from the start until that part was done (they run side by side); checkMs: the files' own check after.
    log.info('backup: taken', { id: manifest.id, bytes: manifest.bytes, ...took, checkMs: Math.round(performance.now() - checking) });
    return { id: manifest.id, dir, bytes: manifest.bytes, buckets: manifest.buckets.map((b) => ({ name: b.name, records: b.records })) };
  } catch (e) {
    await discardPartial(partial).catch((err: unknown) => log.error('backup: removing a partial backup failed', { dir: partial.dir, error: errorText(err) }));
    if (isFileError(e)) throw new ConsoleFailure(fileProblem(e, root));
    if (e instanceof ConsoleFailure)
      throw new ConsoleFailure({ ...e.detail, message: `${e.detail.message} The backup was abandoned: nothing of it was kept.` });
    throw e;
  }
}

/**
 * The backup a destructive change takes of its one bucket before changing anything. When it
 * fails the change must not go on: the error keeps its cause and code, and its fix says how to
 * proceed without a backup (the screen's checkbox, the CLI's --no-backup).
 */
export async function backupFirst(ctx: Context, bucket: string, change: string, onProgress?: OnProgress): Promise<BackupRef> {
  try {
    const b = await takeBackup(ctx, { buckets: [bucket] }, { onProgress });
    return { id: b.id, dir: b.dir, bucket, restore: restoreCommand(b.id, bucket) };
  } catch (e) {
    if (!(e instanceof ConsoleFailure))
      log.error('backup first: unexpected error', { bucket, error: errorText(e), stack: e instanceof Error ? e.stack : undefined });
    const detail = e instanceof ConsoleFailure ? e.detail : toConsoleError(e);
    const operator = detail.message.includes('operator token');
    throw new ConsoleFailure({
      ...detail,
      message: `Nothing was changed: ${change} backs up ${bucket} first, and that backup failed. ${detail.message}`,
      fix: `${detail.fix ? `${detail.fix} ` : ''}Or proceed without a backup${operator ? ' (this token cannot make one)' : ''}: uncheck "Back up the bucket first" (CLI: --no-backup).`,
    });
  }
}

/**
 * Backs up buckets in influx-cli's layout (see `takeBackup`), and records it: the Backups screen's button,
 * the CLI and the schedule. `at`: the time the backup is named after (the scheduler's clock).
 */
export async function recordedBackup(input: BackupInput, actor: Actor, at: Date = new Date(), onProgress?: OnProgress): Promise<Result<CreatedBackup>> {
  let names: string[] = [];
  const result = await withInflux((ctx) => takeBackup(ctx, input, { onNames: (n) => (names = n), at, onProgress }));
  recordChange(
    actor,
    outcome(result, {
      action: 'backup.create',
      bucket: names.join(',') || null,
      before: null,
      after: (b) => ({ id: b.id, dir: b.dir, bytes: b.bytes, buckets: b.buckets }),
    }),
    { changed: false },
  );
  return result;
}
