import 'server-only';
/**
 * The import's core, shared by the CLI's verbs (check-import.ts, run-import.ts) and the browser's
 * upload verbs (check-upload.ts, write-upload.ts): a use case does not call another.
 */
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { defaultShardGroupSeconds, ERROR_CAP, ImportTally, type LineProblem } from '../../data/import-check';
import { LineTooLong, parseRecord, type LpRecord, type Precision } from '../../data/lp-parse';
import { LineBatch } from '../../data/line-batch';
import { ReadAborted, readRecords, TextTooLarge } from '../../data/lp-source';
import { consoleError, ConsoleFailure } from '../../errors';
import type { Connection } from '../../influx/client';
import { storedFieldTypes } from '../../influx/export-query';
import { DEFAULT_RETRY, writeRawBatch, type RetryPolicy } from '../../influx/write-raw';
import { bucketTargetShape } from '../../model/bucket-input';
import type { ImportProgress, ImportReport } from '../../model/data-operations';
import type { BucketInfo } from '../../model/bucket';
import { fail, type Result } from '../../result';
import { outcome, recordChange, withInflux } from '../context';
import { targetBucket } from './target-bucket';
import { invalidInput } from './invalid-input';

export const IMPORT_BATCH_LINES = 5_000;
/** Batches in flight at once: InfluxDB parses one while the next is on the wire. */
const IN_FLIGHT = 2;

export const importInputSchema = z
  .strictObject({
    ...bucketTargetShape,
    /** The file to read (the CLI's argument, or the upload the route stored). */
    path: z.string({ error: 'The file to import is missing.' }).min(1, 'The file to import is missing.'),
    /** The bucket name typed by the person importing (the screen); the CLI's --yes confirms instead. */
    confirmName: z.string().max(300).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.bucketId === undefined) === (v.bucket === undefined))
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'Name the bucket (by name or ID).' });
  });

/** The file's size, or the error saying it cannot be read. */
async function readable(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    throw new ConsoleFailure(consoleError('invalid', `Cannot read the file ${path}.`, 'Check the path and that the console may read it.'));
  }
}

function unreadable(path: string, e: unknown): Error {
  if (e instanceof ConsoleFailure || e instanceof ReadAborted) return e;
  if (e instanceof LineTooLong)
    return new ConsoleFailure(
      consoleError(
        'invalid',
        `${e.message} Nothing was written.`,
        'Check that the file is line protocol with a line break after each point (files with CR-only line endings are read as such).',
      ),
    );
  if (e instanceof TextTooLarge) return new ConsoleFailure(consoleError('too_large', `${e.message} Nothing was written.`));
  const what =
    (e as { code?: unknown }).code === 'Z_DATA_ERROR' ? 'it starts like gzip but is not valid gzip' : e instanceof Error ? e.message : 'unknown error';
  return new ConsoleFailure(
    consoleError('invalid', `Cannot read the file ${path}: ${what}.`, 'Check that it is line protocol, plain or gzipped (as `data export` writes it).'),
  );
}

interface Scanned {
  tally: ImportTally;
  precision: Precision;
  shardGroupSeconds: number;
}

/**
 * Reads the file once, parsing each record, tallying it, and handing each point InfluxDB would
 * keep (it parses, inside the retention) to `onPoint`, which may wait (the writer's batches).
 */
async function scan(
  bucket: BucketInfo,
  path: string,
  nowNs: bigint,
  onPoint?: (r: LpRecord, bytesRead: number, precision: Precision) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<Scanned> {
  await readable(path);
  const shardGroupSeconds = bucket.shardGroupDurationSeconds || defaultShardGroupSeconds(bucket.retentionSeconds);
  const tally = new ImportTally({ retentionSeconds: bucket.retentionSeconds, shardGroupSeconds, nowNs });
  const cutoff = tally.cutoffNs();
  let precision: Precision = 'ns';
  let seenPoint = false;
  try {
    for await (const { records, bytesRead } of readRecords(path, { signal })) {
      for (const r of records) {
        const parsed = parseRecord(r.text, precision);
        if (parsed.kind === 'point') {
          seenPoint = true;
          tally.addPoint(r.line, parsed.point);
          if (onPoint && (cutoff === null || (parsed.point.time ?? nowNs) >= cutoff)) await onPoint(r, bytesRead, precision);
        } else if (parsed.kind === 'error') tally.addError(r.line, parsed.message);
        else if (parsed.kind === 'comment' && parsed.precision && !seenPoint) precision = parsed.precision;
      }
    }
  } catch (e) {
    throw unreadable(path, e);
  }
  return { tally, precision, shardGroupSeconds };
}

/** The dry run's reading: counts, errors, retention, and type conflicts with what is stored. */
async function check(bucket: BucketInfo, path: string, conn: Connection, nowNs: bigint, signal?: AbortSignal): Promise<ImportReport> {
  const { tally, precision, shardGroupSeconds } = await scan(bucket, path, nowNs, undefined, signal);
  const span = tally.span();
  const stored = span ? await storedFieldTypes(bucket.name, tally.measurements(), span.startNs, span.stopNs, shardGroupSeconds, conn) : [];
  return { ...tally.result(stored), dryRun: true, bucketId: bucket.id, bucket: bucket.name, precision, written: null, refused: [], moreRefused: 0 };
}

const nowNs = () => BigInt(Date.now()) * 1_000_000n;

/** The dry run: what the file holds and what InfluxDB would make of it; writes nothing. */
export async function dryRunImport(raw: unknown, opts: { signal?: AbortSignal } = {}): Promise<Result<ImportReport>> {
  const input = importInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => check(await targetBucket(influx, input.data, 'imported into'), input.data.path, influx.conn, nowNs(), opts.signal));
}

/**
 * Writes the file in batches of IMPORT_BATCH_LINES with progress, reading it once; only with the
 * bucket name typed (the screen, after its dry run) or `confirmed` (the CLI's --yes). Lines that do
 * not parse or fall outside the retention are not sent; the lines InfluxDB refuses (a field type
 * that clashes with what is stored, say) are reported by number with InfluxDB's message.
 */
export async function writeImport(
  raw: unknown,
  actor: Actor,
  opts: { confirmed?: boolean; onProgress?: (p: ImportProgress) => void; retry?: RetryPolicy } = {},
): Promise<Result<ImportReport>> {
  const input = importInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let target: BucketInfo | undefined;
  let sent = 0;
  const result = await withInflux(async ({ influx }) => {
    const bucket = await targetBucket(influx, input.data, 'imported into');
    target = bucket;
    if (!opts.confirmed && input.data.confirmName !== bucket.name) {
      throw new ConsoleFailure({
        ...consoleError('invalid', `Importing writes points into ${bucket.name}.`, `Type the bucket name "${bucket.name}" exactly to confirm.`),
        fields: { confirmName: `Type ${bucket.name} to confirm.` },
      });
    }
    const fileBytes = await readable(input.data.path);
    const refused: LineProblem[] = [];
    let refusedCount = 0;
    let readBytes = 0;
    const inFlight: Promise<void>[] = [];
    // The precision is settled before the first point (a comment can name it), so before the first batch.
    let precisionNow: Precision = 'ns';
    // Batches are reused once answered: at most IN_FLIGHT + 1 exist, whatever the file's size.
    const free: LineBatch[] = [];
    const flush = (batch: LineBatch) => {
      const p = writeRawBatch(bucket.name, batch, precisionNow, influx.conn, opts.retry ?? DEFAULT_RETRY).then((r) => {
        sent += batch.length;
        refusedCount += r.length;
        for (const x of r) if (refused.length < ERROR_CAP) refused.push(x);
        batch.clear();
        free.push(batch);
        opts.onProgress?.({ sent, refused: refusedCount, readBytes, fileBytes });
      });
      inFlight.push(p);
      // Awaited below; this only keeps a refusal from counting as unhandled before then.
      p.catch(() => undefined);
    };
    let batch = new LineBatch(IMPORT_BATCH_LINES);
    let scanned: Scanned;
    try {
      // One reading: each batch is sent while the next is parsed (two in flight), so the parsing
      // overlaps InfluxDB's work. The stored types were compared in the dry run, before writing.
      scanned = await scan(bucket, input.data.path, nowNs(), async (r, bytesRead, precision) => {
        readBytes = bytesRead;
        precisionNow = precision;
        batch.add(r.line, r.text);
        if (!batch.full) return;
        flush(batch);
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        batch = free.pop() ?? new LineBatch(IMPORT_BATCH_LINES);
      });
      if (batch.length) flush(batch);
      await Promise.all(inFlight);
    } catch (e) {
      await Promise.allSettled(inFlight);
      throw e;
    }
    refused.sort((a, b) => a.line - b.line);
    return {
      ...scanned.tally.result(),
      dryRun: false,
      bucketId: bucket.id,
      bucket: bucket.name,
      precision: scanned.precision,
      written: sent - refusedCount,
      refused,
      moreRefused: refusedCount - refused.length,
    };
  });
  recordChange(
    actor,
    outcome(result, {
      action: 'data.import',
      bucket: target?.name ?? input.data.bucket ?? input.data.bucketId ?? '',
      before: null,
      after: (r) => ({
        points: r.points,
        lines: r.lines,
        written: r.written,
        refused: r.refused.length + r.moreRefused,
        errors: r.errors.length + r.moreErrors,
        outsideRetention: r.outsideRetention.points,
      }),
    }),
    { changed: sent > 0 },
  );
  return result;
}
