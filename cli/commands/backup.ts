import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../../lib/auth/actor';
import type { ConsoleError } from '../../lib/errors';
import { backupSentence } from '../../lib/model/backup-first';
import { createBackup } from '../../lib/use-cases/create-backup';
import { listBackups } from '../../lib/use-cases/list-backups';
import { restoreBackup } from '../../lib/use-cases/restore-backup';
import { verifyBackup } from '../../lib/use-cases/verify-backup';
import { EXIT, printError, printJson, table, UsageError } from '../output';
import { plural } from '../../lib/model/plural';
import { formatUtc } from '../../lib/model/format';
import { stepsOnStderr } from '../progress';
import { runVerb } from '../verbs';

/** `backup create|list|restore|verify`: backups in influx-cli's layout, restored into new buckets and drilled. */
export function backupCommand(argv: string[]): Promise<number> {
  return runVerb('backup', { create, list, restore, verify }, argv);
}

function failed(error: ConsoleError): number {
  printError(error);
  return EXIT.failed;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;

async function create(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { bucket: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const result = await createBackup(
    { ...(values.bucket ? { buckets: values.bucket } : {}), ...(values.out === undefined ? {} : { out: values.out }) },
    CLI_ACTOR,
    undefined,
    stepsOnStderr(),
  );
  if (!result.ok) return failed(result.error);
  const b = result.data;
  if (values.json) printJson({ id: b.id, dir: b.dir, bytes: b.bytes, buckets: b.buckets.map((x) => ({ name: x.name, records: x.records })) });
  else
    process.stdout.write(
      `Backup ${b.id} in ${b.dir} (${size(b.bytes)}): ${b.buckets.map((x) => `${x.name} (${plural(x.records, 'record')})`).join(', ')}.\nRestore a bucket of it with: backup restore ${b.id} --bucket B --as NEW\n`,
    );
  return EXIT.ok;
}

async function list(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const result = await listBackups();
  if (!result.ok) return failed(result.error);
  if (values.json) printJson(result.data.map((b) => ({ id: b.id, createdAt: b.createdAt, bytes: b.bytes, buckets: b.buckets, verified: b.verified })));
  else if (result.data.length === 0) process.stdout.write('No backups yet: create one with `backup create`.\n');
  else
    process.stdout.write(
      table(
        ['ID', 'CREATED', 'SIZE', 'BUCKETS', 'VERIFIED'],
        result.data.map((b) => [
          b.id,
          formatUtc(b.createdAt),
          size(b.bytes),
          b.buckets.join(','),
          b.legacy ? 'legacy' : b.verified === null ? 'never' : b.verified ? `yes (${b.verifiedAt ?? ''})` : `FAILED (${b.verifiedAt ?? ''})`,
        ]),
      ) + '\n',
    );
  return EXIT.ok;
}

async function restore(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { bucket: { type: 'string' }, as: { type: 'string' }, replace: { type: 'boolean' }, confirm: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const usage = 'backup restore ID --bucket B --as NEW [--replace --confirm NEW] [--json]';
  if (positionals.length !== 1) throw new UsageError(`backup restore takes one backup ID: ${usage}`);
  if (values.bucket === undefined || values.as === undefined) throw new UsageError(`backup restore needs --bucket and --as: ${usage}`);
  if (values.confirm !== undefined && !values.replace) throw new UsageError(`--confirm goes with --replace (restoring over an existing bucket): ${usage}`);
  if (values.replace && values.confirm === undefined)
    throw new UsageError(`--replace restores over the existing bucket ${values.as}: confirm it with --confirm ${values.as}`);
  const replace = values.replace ? { replace: { confirm: values.confirm ?? '' } } : {};
  const result = await restoreBackup({ id: positionals[0] ?? '', bucket: values.bucket, as: values.as, ...replace }, CLI_ACTOR, stepsOnStderr());
  if (!result.ok) return failed(result.error);
  const r = result.data;
  if (values.json)
    printJson({
      bucket: r.bucket,
      records: r.records,
      verified: r.verified,
      ...(r.backup ? { backup: { id: r.backup.id, dir: r.backup.dir, restore: r.backup.restore } } : {}),
    });
  else
    process.stdout.write(
      (r.verified ? `${r.bucket}: ${r.detail}.\n` : `${r.bucket} restored, but its counts differ from the backup: ${r.detail}.\n`) +
        (r.backup ? `${backupSentence(r.backup)}\n` : ''),
    );
  return r.verified ? EXIT.ok : EXIT.failed;
}

async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('backup verify takes one backup ID: backup verify ID [--json]');
  const result = await verifyBackup(positionals[0] ?? '', CLI_ACTOR, stepsOnStderr());
  if (!result.ok) {
    if (values.json) printJson({ ok: false, detail: result.error.message });
    else printError(result.error);
    return EXIT.failed;
  }
  const v = result.data;
  if (values.json) printJson({ ok: v.ok, detail: v.detail });
  else process.stdout.write(`${v.ok ? 'verified' : 'FAILED'}: ${v.detail}\n`);
  return v.ok ? EXIT.ok : EXIT.failed;
}
