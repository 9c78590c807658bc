import { parseArgs } from 'node:util';
import { bucketNameSchema } from '../../lib/model/bucket-input';
import { readInsights } from '../../lib/use-cases/read-insights';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { formatNumber } from '../../lib/model/format';

const n = (v: number) => formatNumber(v);

/** Why the buckets grow and which detector went silent; exits 0 whatever it finds (`verify` is the gate). */
export async function insightsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { bucket: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (values.bucket !== undefined) {
    const name = bucketNameSchema.safeParse(values.bucket);
    if (!name.success) throw new UsageError(`--bucket: ${name.error.issues[0]?.message ?? 'invalid bucket name'}`);
  }
  // Like `stats`, the CLI brings the counts up to date first (only what may have changed is counted).
  const result = await readInsights(values.bucket, { mode: 'fresh' });
  if (!result.ok) {
    if (values.json) printJson({ buckets: [], findings: [], error: result.error });
    else printError(result.error);
    return EXIT.failed;
  }
  const report = result.data;
  if (values.json) {
    printJson(report);
    return EXIT.ok;
  }
  for (const b of report.buckets) {
    process.stdout.write(`\n${b.name}: ${n(b.series)} series now, ${n(b.projectedSeries)} projected at full retention (limit ${n(b.seriesLimit)})\n`);
    const rows = b.measurements.map((m) => [
      m.name,
      n(m.series),
      n(m.projectedSeries),
      m.drivers.map((d) => `${d.tag} ${n(d.distinctValues)}${d.growsWithTime ? ' (grows with time)' : ''}`).join(', ') || '-',
      m.lastWritten ?? 'never',
      m.cadence ?? '-',
    ]);
    process.stdout.write(table(['MEASUREMENT', 'SERIES', 'PROJECTED', 'TAGS (DISTINCT VALUES)', 'LAST WRITTEN', 'CADENCE'], rows) + '\n');
  }
  process.stdout.write(report.findings.length ? `\n${report.findings.length} findings:\n` : '\nNo findings.\n');
  for (const f of report.findings)
    process.stdout.write(`\n[${f.kind}] ${f.bucket}${f.measurement ? ` / ${f.measurement}` : ''}\n  ${f.detail}\n  fix: ${f.fix}\n`);
  return EXIT.ok;
}
