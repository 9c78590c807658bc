import { parseArgs } from 'node:util';
import { bucketNameSchema } from '../../lib/provision/bucket-input';
import { formatRetention } from '../../lib/provision/retention';
import { readStats } from '../../lib/stats/stats-commands';
import { EXIT, printError, printJson, table, UsageError } from '../output';

export async function statsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { bucket: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (values.bucket !== undefined) {
    const name = bucketNameSchema.safeParse(values.bucket);
    if (!name.success) throw new UsageError(`--bucket: ${name.error.issues[0]?.message ?? 'invalid bucket name'}`);
  }
  const result = await readStats(values.bucket);
  if (!result.ok) {
    if (values.json) printJson({ buckets: [], error: result.error });
    else printError(result.error);
    return EXIT.failed;
  }
  if (values.json) {
    printJson({
      buckets: result.data.map((b) => ({
        name: b.name,
        retentionSeconds: b.retentionSeconds,
        records: b.records,
        measurements: [...b.measurements, ...b.unexpected].map((m) => ({ name: m.name, records: m.records, series: m.series, tagSets: m.tagSets, firstTime: m.firstTime, lastTime: m.lastTime, inSpec: m.detector !== null })),
      })),
    });
    return EXIT.ok;
  }
  for (const b of result.data) {
    process.stdout.write(`\n${b.name} (retention ${formatRetention(b.retentionSeconds)}): ${b.records.toLocaleString('en-US')} records${b.estimatedRecords ? `, estimate ~${b.estimatedRecords.toLocaleString('en-US')}` : ''} (${b.queryMs} ms)\n`);
    const rows = [...b.measurements, ...b.unexpected].map((m) => [m.name + (m.detector === null ? ' (not in spec)' : ''), m.records.toLocaleString('en-US'), m.series.toLocaleString('en-US'), m.tagSets.toLocaleString('en-US'), m.firstTime?.slice(0, 10) ?? '-', m.lastTime?.slice(0, 10) ?? '-']);
    process.stdout.write(table(['MEASUREMENT', 'RECORDS', 'SERIES', 'TAG SETS', 'FIRST', 'LAST'], rows) + '\n');
  }
  return EXIT.ok;
}
