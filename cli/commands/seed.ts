import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLE } from '../../lib/aggregates/load-sample';
import { SCENARIOS, type Scenario } from '../../lib/aggregates/scenarios';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { loadSampleData } from '../../lib/use-cases/load-sample-data';
import { EXIT, printError, UsageError } from '../output';
import { progressBar } from '../progress';
import { formatNumber } from '../../lib/model/format';

function wholeNumber(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`--${flag} takes a whole number from 0 to ${max}, not "${raw}"`);
  return Number(raw);
}

export async function seedCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { days: { type: 'string' }, weeks: { type: 'string' }, entities: { type: 'string' }, seed: { type: 'string' }, scenario: { type: 'string' } },
    strict: true,
  });
  const scenario = values.scenario;
  if (scenario !== undefined && !SCENARIOS.includes(scenario as Scenario)) throw new UsageError(`--scenario takes ${SCENARIOS.join(', ')}, not "${scenario}"`);
  const opts = {
    days: wholeNumber('days', values.days, DEFAULT_SAMPLE.days, 3650),
    weeks: wholeNumber('weeks', values.weeks, DEFAULT_SAMPLE.weeks, 520),
    entities: Math.max(1, wholeNumber('entities', values.entities, DEFAULT_SAMPLE.entities, 10_000)),
    seed: wholeNumber('seed', values.seed, DEFAULT_SAMPLE.seed, 2 ** 32 - 1),
  };
  // The same points for the same options: seeding twice overwrites rather than duplicates.
  const result = await loadSampleData(CLI_ACTOR, {
    sample: opts,
    onProgress: progressBar('writing sample aggregates'),
    ...(scenario ? { scenario: scenario as Scenario } : {}),
  });
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  process.stdout.write(
    `Wrote ${formatNumber(result.data.points)} sample points (${opts.days} days, ${opts.weeks} weeks, ${opts.entities} entities, seed ${opts.seed}) in ${result.data.ms} ms.\n`,
  );
  if (scenario)
    process.stdout.write(
      `Scenario ${scenario}${result.data.refused ? ` (InfluxDB refused ${result.data.refused} point on purpose: a field type conflict)` : ''}: see it with npm run --silent cli -- insights\n`,
    );
  return EXIT.ok;
}
