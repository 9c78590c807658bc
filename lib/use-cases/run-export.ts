import 'server-only';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Actor } from '../auth/actor';
import { exportWindows } from '../data/export-windows';
import { consoleError } from '../errors';
import { toConsoleError } from '../influx/errors';
import { exportLines } from '../influx/export-query';
import { plural } from '../model/plural';
import { fail, ok, type Result } from '../result';
import { outcome, recordChange } from './context';
import type { ExportPlan, ExportProgress, ExportSummary } from './shared/export';

export type { ExportProgress, ExportSummary };

/** Counts the bytes passing through (the gzip the sink receives). */
function byteCounter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

function cancelled(e: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (e as { name?: unknown } | null)?.name === 'AbortError';
}

/**
 * Streams the plan's rows as gzipped line protocol into `sink`, in constant memory: InfluxDB's
 * responses (one per shard group, export-windows.ts) are read only as fast as gzip and the sink take them. `signal` (the download went away,
 * the CLI was stopped) closes the query. Audit-logged with what was exported.
 */
export async function runExport(
  plan: ExportPlan,
  actor: Actor,
  sink: Writable,
  opts: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {},
): Promise<Result<ExportSummary>> {
  const progress: ExportProgress = { points: 0, lines: 0, bytes: 0 };
  let unwritableRows = 0;
  const unwritable: string[] = [];
  const sel = { bucket: plan.bucket.name, measurements: plan.measurements, start: plan.start, stop: plan.stop };
  async function* text(): AsyncGenerator<string> {
    // A comment line: a line break in the name (InfluxDB allows one) must not end it.
    yield `# homeiq-influx-console export of bucket ${plan.bucket.name.replace(/[\r\n]+/g, ' ')}, ${plan.start} to ${plan.stop}\n# precision=ns\n`;
    // Shard group by shard group, one after the other: the file stays in time order, memory flat.
    for (const window of exportWindows(plan.bucket, plan.start, plan.stop)) {
      for await (const chunk of exportLines({ ...sel, ...window }, plan.conn, opts.signal)) {
        progress.points += chunk.points;
        progress.lines += chunk.lines;
        unwritableRows += chunk.unwritableRows;
        for (const u of chunk.unwritable) if (unwritable.length < 5 && !unwritable.includes(u)) unwritable.push(u);
        yield chunk.text;
        opts.onProgress?.({ ...progress });
      }
    }
  }
  let result: Result<ExportSummary>;
  try {
    await pipeline(
      Readable.from(text()),
      createGzip(),
      byteCounter((n) => (progress.bytes += n)),
      sink,
      ...(opts.signal ? [{ signal: opts.signal }] : []),
    );
    result = ok({ bucket: plan.bucket.name, measurements: plan.measurements, start: plan.start, stop: plan.stop, ...progress, unwritableRows, unwritable });
  } catch (e) {
    result = fail(
      cancelled(e, opts.signal)
        ? consoleError(
            'internal',
            `The export of ${plan.bucket.name} was stopped after ${plural(progress.points, 'point')} (${plural(progress.lines, 'line')}): the download was cancelled.`,
            'Start the export again; the file so far is incomplete.',
          )
        : {
            ...toConsoleError(e),
            message: `The export of ${plan.bucket.name} failed after ${plural(progress.points, 'point')} (${plural(progress.lines, 'line')}): ${toConsoleError(e).message}`,
          },
    );
  }
  recordChange(
    actor,
    outcome(result, {
      action: 'data.export',
      bucket: plan.bucket.name,
      before: null,
      after: (s) => ({
        measurements: s.measurements,
        start: s.start,
        stop: s.stop,
        points: s.points,
        lines: s.lines,
        bytes: s.bytes,
        unwritableRows: s.unwritableRows,
      }),
    }),
    { changed: false },
  );
  return result;
}
