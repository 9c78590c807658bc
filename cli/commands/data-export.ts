import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { planExport } from '../../lib/use-cases/plan-export';
import { runExport, type ExportProgress } from '../../lib/use-cases/run-export';
import { EXIT, printError } from '../output';
import { plural } from '../../lib/model/plural';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** process.stdout as a sink that waits for it to drain: the export never runs ahead of the pipe. */
function stdoutSink(): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      if (process.stdout.write(chunk)) done();
      else process.stdout.once('drain', () => done());
    },
  });
}

/** `data export --bucket B [--measurement M…] [--start T] [--stop T] > file.lp.gz`: gzipped line protocol on stdout. */
export async function dataExportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { bucket: { type: 'string' }, measurement: { type: 'string', multiple: true }, start: { type: 'string' }, stop: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (process.stdout.isTTY) {
    printError({
      code: 'invalid',
      message: 'data export writes gzipped line protocol (binary), and stdout is a terminal.',
      fix: 'Redirect it to a file: npm run --silent cli -- data export --bucket B > B.lp.gz (or pipe it: | gunzip | less).',
    });
    return EXIT.usage;
  }
  const plan = await planExport({ bucket: values.bucket, measurements: values.measurement ?? [], start: values.start, stop: values.stop });
  if (!plan.ok) {
    printError(plan.error);
    return EXIT.failed;
  }
  const what = `${plan.data.bucket.name}${plan.data.measurements.length ? ` (${plan.data.measurements.join(', ')})` : ''}`;
  let last = 0;
  const report = (p: ExportProgress, done = false) => {
    const now = Date.now();
    if (!done && now - last < 1_000) return;
    last = now;
    process.stderr.write(
      `${done ? 'Exported' : 'Exporting'} ${what}: ${plural(p.points, 'point')} in ${plural(p.lines, 'line')} (one per field), ${mb(p.bytes)} gzip\n`,
    );
  };
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  try {
    const result = await runExport(plan.data, CLI_ACTOR, stdoutSink(), { signal: stop.signal, onProgress: (p) => report(p) });
    if (!result.ok) {
      printError(result.error);
      return EXIT.failed;
    }
    report(result.data, true);
    if (result.data.unwritableRows > 0) {
      process.stderr.write(
        `warning: ${plural(result.data.unwritableRows, 'row')} were left out: line protocol cannot hold them (${result.data.unwritable.join('; ')}).\n`,
      );
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
