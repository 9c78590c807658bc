import { parseArgs } from 'node:util';
import { stepsOnStderr } from '../progress';
import { CLI_ACTOR } from '../../lib/auth/actor';
import type { ConsoleError } from '../../lib/errors';
import type { DeletePreview } from '../../lib/model/data-operations';
import { deleteData } from '../../lib/use-cases/delete-data';
import { previewDataDelete } from '../../lib/use-cases/preview-data-delete';
import { backupJson, printBackup } from '../backup-first';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { formatNumber } from '../../lib/model/format';
import { plural } from '../../lib/model/plural';

const USAGE = "data delete --bucket B [--measurement M] [--where 'k=v'…] --start T --stop T [--dry-run] [--yes] [--no-backup] [--json]";

function printPoints(p: Pick<DeletePreview, 'bucket' | 'selection' | 'predicate' | 'start' | 'stop' | 'points' | 'total'>, verb: string): void {
  process.stdout.write(`${p.bucket}: ${p.selection}, ${p.start} to ${p.stop} (both included)\npredicate: ${p.predicate || '(none: every series)'}\n`);
  const rows = Object.entries(p.points).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length > 0)
    process.stdout.write(
      table(
        ['MEASUREMENT', 'POINTS'],
        rows.map(([m, n]) => [m, formatNumber(n)]),
      ) + '\n',
    );
  process.stdout.write(`${plural(p.total, 'point')} ${verb}.\n`);
}

/** `data delete`: counts what a delete removes, and removes it only with --yes. */
export async function dataDeleteCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      bucket: { type: 'string' },
      measurement: { type: 'string' },
      where: { type: 'string', multiple: true },
      start: { type: 'string' },
      stop: { type: 'string' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean' },
      'no-backup': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  for (const flag of ['bucket', 'start', 'stop'] as const) if (values[flag] === undefined) throw new UsageError(`data delete needs --${flag}: ${USAGE}`);
  if (values['dry-run'] && values.yes) throw new UsageError('--dry-run and --yes contradict each other: choose one');
  const input = {
    bucket: values.bucket,
    ...(values.measurement === undefined ? {} : { measurement: values.measurement }),
    where: values.where ?? [],
    start: values.start,
    stop: values.stop,
  };
  const failed = (error: ConsoleError) => {
    if (values.json) printJson({ dryRun: Boolean(values['dry-run']), points: {}, deleted: null, error });
    else printError(error);
    return EXIT.failed;
  };

  if (!values.yes) {
    const preview = await previewDataDelete(input);
    if (!preview.ok) return failed(preview.error);
    const p = preview.data;
    const nothing = p.total === 0;
    const dryRun = Boolean(values['dry-run']) || !nothing;
    if (values.json) printJson({ dryRun, points: p.points, deleted: dryRun ? null : 0 });
    else {
      printPoints(p, nothing ? 'match: nothing to delete' : 'would be deleted');
      for (const s of p.sample.slice(0, 5))
        process.stdout.write(
          `  e.g. ${s.time} ${s.measurement} ${Object.entries(s.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')} ${Object.keys(s.fields).join(',')}\n`,
        );
    }
    if (nothing || values['dry-run']) return EXIT.ok;
    process.stderr.write(`Deleting ${plural(p.total, 'point')} from ${p.bucket} cannot be undone: rerun with --yes to delete them.\n`);
    return EXIT.needsConfirmation;
  }

  // --yes confirms the delete of what a preview counts right now, and only that; the bucket is backed up first unless --no-backup.
  const preview = await previewDataDelete(input);
  if (!preview.ok) return failed(preview.error);
  const done = await deleteData(
    { ...input, confirmName: values.bucket, previewId: preview.data.previewId, backupFirst: !values['no-backup'] },
    CLI_ACTOR,
    stepsOnStderr(),
  );
  if (!done.ok) return failed(done.error);
  const d = done.data;
  if (values.json) printJson({ dryRun: false, points: d.points, deleted: d.deleted, ...backupJson(d.backup) });
  else {
    printPoints(d, 'matched');
    process.stdout.write(
      `Deleted ${plural(d.deleted, 'point')} (counted again afterwards${d.remaining > 0 ? `; ${formatNumber(d.remaining)} still match: written meanwhile` : ''}).\n`,
    );
    printBackup(d.backup);
  }
  return EXIT.ok;
}
