import { parseArgs } from 'node:util';
import { bucketNameSchema } from '../../lib/model/bucket-input';
import { formatRetention } from '../../lib/model/retention';
import { readStatsAndStorage } from '../../lib/use-cases/read-stats-report';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { formatNumber, formatUtc } from '../../lib/model/format';
import { plural } from '../../lib/model/plural';

export async function statsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { bucket: { type: 'string' }, json: { type: 'boolean' }, fresh: { type: 'boolean' }, full: { type: 'boolean' } },
    strict: true,
  });
  // The CLI always brings the counts up to date (--fresh says so explicitly): only what may have
  // changed is counted, from the counts console.db shares with the server; --full counts everything.
  if (values.bucket !== undefined) {
    const name = bucketNameSchema.safeParse(values.bucket);
    if (!name.success) throw new UsageError(`--bucket: ${name.error.issues[0]?.message ?? 'invalid bucket name'}`);
  }
  const progress = process.stderr.isTTY
    ? (bucket: string, done: number, total: number) => process.stderr.write(`\rcounting ${bucket}: ${done}/${total} slices`)
    : undefined;
  const result = await readStatsAndStorage(values.bucket, { mode: values.full ? 'full' : 'fresh', onSlice: progress, waitForDetails: true });
  if (progress) process.stderr.write('\r\x1b[K');
  if (!result.ok) {
    if (values.json) printJson({ buckets: [], error: result.error });
    else printError(result.error);
    return EXIT.failed;
  }
  const { stats, storage } = result.data;
  const growth = new Map(storage.ok ? storage.data.buckets.map((b) => [b.name, b]) : []);
  if (values.json) {
    printJson({
      ...(storage.ok && !storage.data.metrics.available ? { metricsError: storage.data.metrics.error } : {}),
      buckets: stats.map((b) => ({
        name: b.name,
        retentionSeconds: b.retentionSeconds,
        countedAt: b.computedAt,
        recountedSlices: b.recountedSlices,
        slices: b.countedSlices,
        records: b.records,
        diskBytes: growth.get(b.name)?.diskBytes ?? null,
        projection: growth.get(b.name)?.projection ?? null,
        measurements: [...b.measurements, ...b.unexpected].map((m) => ({
          name: m.name,
          records: m.records,
          series: m.series,
          tagSets: m.tagSets,
          firstTime: m.firstTime,
          lastTime: m.lastTime,
          inSpec: m.detector !== null,
        })),
      })),
    });
    return EXIT.ok;
  }
  for (const b of stats) {
    const g = growth.get(b.name);
    const disk = g?.diskBytes != null ? `, ${formatNumber(g.diskBytes)} bytes on disk` : '';
    const full = g?.projection.recordsAtFullWindow != null ? `, ~${formatNumber(Math.round(g.projection.recordsAtFullWindow))} at full retention` : '';
    process.stdout.write(
      `\n${b.name} (retention ${formatRetention(b.retentionSeconds)}): ${plural(b.records, 'record')}${full}${b.estimatedRecords ? ` (estimate ~${formatNumber(b.estimatedRecords)})` : ''}${disk} (${b.queryMs} ms, ${b.recountedSlices} of ${b.countedSlices} slices counted again)\n`,
    );
    for (const w of g?.projection.warnings ?? []) process.stdout.write(`warning: ${w}\n`);
    const rows = [...b.measurements, ...b.unexpected].map((m) => [
      m.name + (m.detector === null ? ' (not in spec)' : ''),
      formatNumber(m.records),
      formatNumber(m.series),
      formatNumber(m.tagSets),
      formatUtc(m.firstTime),
      formatUtc(m.lastTime),
    ]);
    process.stdout.write(table(['MEASUREMENT', 'RECORDS', 'SERIES', 'TAG SETS', 'FIRST POINT', 'LAST POINT'], rows) + '\n');
  }
  return EXIT.ok;
}
