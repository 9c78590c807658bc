import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { nsToIso } from '../../lib/data/import-check';
import { linesToSend } from '../../lib/model/data-operations';
import type { ImportReport } from '../../lib/model/data-operations';
import { checkImport } from '../../lib/use-cases/check-import';
import { runImport } from '../../lib/use-cases/run-import';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { progressBar } from '../progress';
import { formatNumber } from '../../lib/model/format';
import { plural } from '../../lib/model/plural';

/**
 * The public JSON: {dryRun, points: {measurement: n}, lines: {measurement: n}, errors: [{line, message}], written}.
 * `points` are distinct (series, time), as InfluxDB keeps them; `lines` the lines of the file (one per field when exported).
 */
function jsonOf(r: ImportReport) {
  return { dryRun: r.dryRun, points: r.points, lines: r.lines, errors: [...r.errors, ...r.refused].sort((a, b) => a.line - b.line), written: r.written };
}

function printReport(r: ImportReport): void {
  const out = process.stdout;
  out.write(`${r.dryRun ? 'Dry run: import' : 'Import'} into ${r.bucket} (precision ${r.precision})\n`);
  out.write(
    table(
      ['MEASUREMENT', 'POINTS', 'LINES'],
      Object.entries(r.lines).map(([m, n]) => [m, formatNumber(r.points[m] ?? 0), formatNumber(n)]),
    ) + '\n',
  );
  out.write(`Total: ${plural(r.totalPoints, 'point')} in ${plural(r.totalLines, 'line')}.\n`);
  if (r.firstNs !== null && r.lastNs !== null) out.write(`Time span: ${nsToIso(BigInt(r.firstNs))} to ${nsToIso(BigInt(r.lastNs))}\n`);
  if (r.outsideRetention.points > 0)
    out.write(
      `Older than the retention (before ${r.outsideRetention.cutoff}): ${plural(r.outsideRetention.points, 'point')} (${plural(r.outsideRetention.lines, 'line')}), not sent (InfluxDB drops them).\n`,
    );
  for (const c of r.conflicts) {
    out.write(
      `Type conflict: ${c.measurement}.${c.field} is ${c.existing} ${c.where === 'stored' ? 'in the bucket' : 'earlier in the file'} and ${c.incoming} from line ${c.line} (shard group of ${c.shardGroup}): InfluxDB will refuse those lines.\n`,
    );
  }
  const problems = [...r.errors, ...r.refused].sort((a, b) => a.line - b.line);
  for (const e of problems) out.write(`line ${e.line}: ${e.message}\n`);
  const more = r.moreErrors + r.moreRefused;
  if (more > 0) out.write(`… and ${formatNumber(more)} more lines with problems.\n`);
  if (r.written !== null) out.write(`Written: ${plural(r.written, 'line')}; refused by InfluxDB: ${formatNumber(r.refused.length + r.moreRefused)}.\n`);
}

/** `data import --bucket B FILE [--dry-run] [--yes] [--json]`: checked first, written only with --yes. */
export async function dataImportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { bucket: { type: 'string' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('data import takes one FILE: data import --bucket B FILE [--dry-run] [--yes] [--json]');
  if (values.bucket === undefined) throw new UsageError('data import needs --bucket B');
  const input = { bucket: values.bucket, path: resolve(positionals[0] ?? '') };
  if (values['dry-run'] || !values.yes) {
    const checked = await checkImport(input);
    if (!checked.ok) {
      if (values.json) printJson({ dryRun: true, points: {}, lines: {}, errors: [], written: null, error: checked.error });
      else printError(checked.error);
      return EXIT.failed;
    }
    if (values.json) printJson(jsonOf(checked.data));
    else printReport(checked.data);
    if (values['dry-run'] || linesToSend(checked.data) === 0) return EXIT.ok;
    process.stderr.write(`Nothing was written: rerun with --yes to write ${plural(linesToSend(checked.data), 'line')} into ${checked.data.bucket}.\n`);
    return EXIT.needsConfirmation;
  }
  // The share of the file read: the lines still to come are not known until it is all read.
  const bar = progressBar('Writing (bytes of the file read)');
  const result = await runImport(input, CLI_ACTOR, { confirmed: true, onProgress: (p) => bar(p.readBytes, p.fileBytes) });
  if (!result.ok) {
    if (values.json) printJson({ dryRun: false, points: {}, lines: {}, errors: [], written: null, error: result.error });
    else printError(result.error);
    return EXIT.failed;
  }
  if (values.json) printJson(jsonOf(result.data));
  else printReport(result.data);
  // Scripts learn from the exit code that some lines did not make it (each is listed).
  const missing = result.data.errors.length + result.data.moreErrors + result.data.refused.length + result.data.moreRefused;
  return missing > 0 ? EXIT.failed : EXIT.ok;
}
