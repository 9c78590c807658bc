import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLE, loadSample } from '../../lib/aggregates/load-sample';
import { audit } from '../../lib/audit/log';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { attempt } from '../../lib/influx/attempt';
import { activeSpec } from '../../lib/spec/load';
import { EXIT, printError, UsageError } from '../output';
import { progressBar } from '../progress';

function wholeNumber(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`--${flag} takes a whole number from 0 to ${max}, not "${raw}"`);
  return Number(raw);
}

export async function seedCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { days: { type: 'string' }, weeks: { type: 'string' }, entities: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const opts = {
    days: wholeNumber('days', values.days, DEFAULT_SAMPLE.days, 3650),
    weeks: wholeNumber('weeks', values.weeks, DEFAULT_SAMPLE.weeks, 520),
    entities: Math.max(1, wholeNumber('entities', values.entities, DEFAULT_SAMPLE.entities, 10_000)),
    seed: wholeNumber('seed', values.seed, DEFAULT_SAMPLE.seed, 2 ** 32 - 1),
  };
  const spec = activeSpec();
  if (!spec.ok) {
    printError(spec.error);
    return EXIT.failed;
  }
  const result = await attempt(() => loadSample(spec.data, opts, progressBar('writing sample aggregates')));
  audit(CLI_ACTOR, { action: 'sample.load', bucket: spec.data.buckets.map((b) => b.name).join(', '), before: null, after: result.ok ? { points: result.data.points, ...opts } : null, result: result.ok ? 'ok' : 'failed', message: result.ok ? '' : result.error.message });
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  process.stdout.write(`Wrote ${result.data.points.toLocaleString('en-US')} sample points (${opts.days} days, ${opts.weeks} weeks, ${opts.entities} entities, seed ${opts.seed}) in ${result.data.ms} ms.\n`);
  return EXIT.ok;
}
