import { parseArgs } from 'node:util';
import { stepsOnStderr } from '../progress';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { createBucket } from '../../lib/use-cases/create-bucket';
import { deleteBucket } from '../../lib/use-cases/delete-bucket';
import { listBuckets } from '../../lib/use-cases/list-buckets';
import { formatRetention } from '../../lib/model/retention';
import { backupJson, printBackup } from '../backup-first';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { runVerb } from '../verbs';

export function bucketsCommand(argv: string[]): Promise<number> {
  return runVerb('buckets', { list, create, delete: remove }, argv);
}

async function list(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const result = await listBuckets();
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  const buckets = [...result.data].sort((a, b) => a.name.localeCompare(b.name));
  if (values.json) {
    printJson(buckets.map((b) => ({ id: b.id, name: b.name, retentionSeconds: b.retentionSeconds, description: b.description, system: b.system })));
  } else {
    process.stdout.write(
      table(
        ['NAME', 'RETENTION', 'ID', 'KIND', 'DESCRIPTION'],
        buckets.map((b) => [b.name, b.retentionText, b.id, b.system ? 'system' : b.managed ? 'AI-5' : '', b.description]),
      ) + '\n',
    );
  }
  return EXIT.ok;
}

async function create(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { retention: { type: 'string' }, description: { type: 'string' }, 'shard-group-duration': { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('buckets create takes one NAME: buckets create NAME --retention 90d [--description TEXT] [--shard-group-duration 1d]');
  if (values.retention === undefined) throw new UsageError('buckets create needs --retention (for example 90d, 12h, 52w or infinite)');
  const sgd = values['shard-group-duration'];
  const result = await createBucket(
    { name: positionals[0], retention: values.retention, description: values.description ?? '', ...(sgd === undefined ? {} : { shardGroupDuration: sgd }) },
    CLI_ACTOR,
  );
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  const b = result.data;
  if (values.json) printJson({ id: b.id, name: b.name, retentionSeconds: b.retentionSeconds, description: b.description, system: b.system });
  else
    process.stdout.write(
      `Created ${b.name} (${b.id}) with retention ${formatRetention(b.retentionSeconds)}${b.shardGroupDurationSeconds ? ` and shard groups of ${formatRetention(b.shardGroupDurationSeconds)}` : ''}.\n`,
    );
  return EXIT.ok;
}

async function remove(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { yes: { type: 'boolean' }, 'no-backup': { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('buckets delete takes one NAME: buckets delete NAME --yes [--no-backup] [--json]');
  const name = positionals[0] ?? '';
  if (!values.yes) {
    process.stderr.write(`Deleting ${name} removes all its data: rerun with --yes to confirm.\n`);
    return EXIT.needsConfirmation;
  }
  const buckets = await listBuckets();
  if (!buckets.ok) {
    printError(buckets.error);
    return EXIT.failed;
  }
  const target = buckets.data.find((b) => b.name === name);
  if (!target) {
    printError({
      code: 'not_found',
      message: `No bucket named "${name}" in this organization.`,
      fix: 'Check the name with `npm run --silent cli -- buckets list`.',
    });
    return EXIT.failed;
  }
  // Backed up first unless --no-backup: a failed backup deletes nothing.
  const result = await deleteBucket({ id: target.id, confirmName: name, backupFirst: !values['no-backup'] }, CLI_ACTOR, stepsOnStderr());
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  if (values.json) printJson({ id: result.data.id, name: result.data.name, ...backupJson(result.data.backup) });
  else {
    process.stdout.write(`Deleted ${result.data.name} (${result.data.id}).\n`);
    printBackup(result.data.backup);
  }
  return EXIT.ok;
}
