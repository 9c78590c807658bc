import 'server-only';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { consoleError, ConsoleFailure, type ConsoleError } from '../errors';
import { backupIdSchema } from '../model/backup';

export { backupIdSchema };

/**
 * The backup folder: `<root>/<id>/` holds one complete backup in influx-cli's layout plus
 * `console-manifest.json` (every file's size and sha256, the record counts at backup time, the
 * last restore drill). A backup is written into `<root>/.partial-<id>/` and renamed only when
 * every file is written and checked: a folder without a valid console manifest is never listed.
 */

export const CONSOLE_MANIFEST = 'console-manifest.json';
const PARTIAL_PREFIX = '.partial-';
/** The process writing a partial backup: a partial whose writer is gone is swept away. */
const OWNER_FILE = '.owner-pid';

/** A file of the backup's own folder: a plain name, never a path (a manifest is read from disk, and may have been edited). */
const fileNameSchema = z
  .string()
  .regex(/^[^/\\\0]+$/, 'a backup file name has no path in it')
  .refine((n) => n !== '.' && n !== '..', 'a backup file name has no path in it');
const fileSchema = z.object({ name: fileNameSchema, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const consoleManifestSchema = z.object({
  formatVersion: z.literal(1),
  id: backupIdSchema,
  createdAt: z.string(),
  org: z.string(),
  /** influx-cli's manifest in the same folder (`influx restore <folder>` reads it). */
  influxManifest: fileNameSchema,
  bytes: z.number().int().nonnegative(),
  buckets: z.array(
    z.object({
      name: z.string(),
      id: z.string(),
      records: z.number().int().nonnegative(),
      /** Records per measurement when the backup was taken (the console's exact counts). */
      measurements: z.record(z.string(), z.number().int().nonnegative()),
      /** The bucket's shard files. */
      files: z.array(fileNameSchema),
      /** The raw rows of one shard group at backup time (line protocol: lines and sha256), for the drill. */
      sample: z
        .object({ start: z.string(), stop: z.string(), lines: z.number().int().nonnegative(), sha256: z.string(), method: z.literal('influxql').optional() })
        .nullable()
        .optional(),
    }),
  ),
  files: z.array(fileSchema),
  /** The last restore drill: null until `backup verify` ran. */
  verified: z.object({ ok: z.boolean(), at: z.string(), detail: z.string() }).nullable(),
});
export type ConsoleManifest = z.infer<typeof consoleManifestSchema>;
export type BackupFile = z.infer<typeof fileSchema>;

export function backupId(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** A file-system failure as an error a person can act on; a full disk says so. */
export function fileProblem(e: unknown, dir: string): ConsoleError {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return consoleError(
      'too_large',
      `The disk of ${dir} is full: the backup did not fit, and nothing of it was left behind.`,
      'Free space there (or delete old backups), or back up into another folder with --out or CONSOLE_BACKUP_DIR.',
    );
  }
  return consoleError(
    'invalid',
    `Cannot write the backup into ${dir}: ${message}.`,
    'Choose a folder the console can create and write to, with --out or CONSOLE_BACKUP_DIR.',
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/** Removes partial backups whose writer has gone (a crash, a kill): never listed, now not kept either. */
export async function sweepPartials(root: string): Promise<string[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith(PARTIAL_PREFIX))) {
    const owner = Number((await readFile(join(root, name, OWNER_FILE), 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export interface Partial {
  id: string;
  dir: string;
}

/** A new partial folder under `root` with a fresh ID (root created if needed). */
export async function openPartial(root: string, now: Date = new Date()): Promise<Partial> {
  try {
    await mkdir(root, { recursive: true, mode: 0o700 });
    const taken = new Set(await readdir(root));
    const base = backupId(now);
    let id = base;
    for (let n = 2; taken.has(id) || taken.has(PARTIAL_PREFIX + id); n++) id = `${base}-${n}`;
    const dir = join(root, PARTIAL_PREFIX + id);
    await mkdir(dir, { mode: 0o700 });
    await writeFile(join(dir, OWNER_FILE), String(process.pid));
    return { id, dir };
  } catch (e) {
    throw new ConsoleFailure(fileProblem(e, root));
  }
}

async function writeManifest(dir: string, manifest: ConsoleManifest): Promise<void> {
  const tmp = join(dir, `.${CONSOLE_MANIFEST}.tmp`);
  await writeFile(tmp, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  await rename(tmp, join(dir, CONSOLE_MANIFEST));
}

/** Checks the files as written, writes the console manifest, and makes the backup complete (listed). */
export async function completePartial(root: string, partial: Partial, manifest: ConsoleManifest): Promise<string> {
  const problem = await checkFiles(partial.dir, manifest.files);
  if (problem)
    throw new ConsoleFailure(
      consoleError('internal', `The backup failed its own check: ${problem}.`, 'Check the disk of the backup folder, then back up again.'),
    );
  await writeManifest(partial.dir, manifest);
  await unlink(join(partial.dir, OWNER_FILE));
  const done = join(root, manifest.id);
  await rename(partial.dir, done);
  return done;
}

export async function discardPartial(partial: Partial): Promise<void> {
  await rm(partial.dir, { recursive: true, force: true });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The first file that is missing or differs from what was recorded (size, then sha256), or null. */
export async function checkFiles(dir: string, files: readonly BackupFile[]): Promise<string | null> {
  for (const f of files) {
    const size = await stat(join(dir, f.name)).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return `${f.name} is missing`;
    if (size !== f.bytes) return `${f.name} has ${size} bytes, ${f.bytes} were backed up`;
    if ((await sha256Of(join(dir, f.name))) !== f.sha256) return `${f.name} was altered (its sha256 differs from the one recorded at backup time)`;
  }
  return null;
}

export interface StoredBackup {
  dir: string;
  manifest: ConsoleManifest;
}

async function readManifest(dir: string): Promise<ConsoleManifest | null> {
  try {
    const parsed = consoleManifestSchema.safeParse(JSON.parse(await readFile(join(dir, CONSOLE_MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A backup as listed: complete ones carry their manifest; `legacy` says why an older one has none this console can use. */
export interface ListedBackup {
  id: string;
  dir: string;
  createdAt: string;
  bytes: number;
  buckets: string[];
  verified: ConsoleManifest['verified'];
  manifest: ConsoleManifest | null;
  legacy: string | null;
}

/** The time an ID names (`20261206T023005Z` → 2026-12-06T02:30:05.000Z). */
export function idTime(id: string): string {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/.exec(id);
  return m
    ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))).toISOString()
    : new Date(0).toISOString();
}

/** What an older console (or a plain `influx backup` of the same name) left: read as far as it goes. */
const legacyManifestSchema = z.looseObject({
  createdAt: z.string().optional().catch(undefined),
  bytes: z.number().int().nonnegative().optional().catch(undefined),
  buckets: z
    .array(z.union([z.string(), z.looseObject({ name: z.string() }).transform((b) => b.name)]))
    .optional()
    .catch(undefined),
});

async function jsonOf(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A folder named as a backup whose console manifest this console cannot use: one written before a
 * format change (fields missing), or an influx-cli backup with no console manifest. Null when the
 * folder holds neither manifest (not a backup).
 */
async function readLegacy(root: string, id: string): Promise<ListedBackup | null> {
  const dir = join(root, id);
  const files = await readdir(dir).catch(() => [] as string[]);
  const consoleJson = files.includes(CONSOLE_MANIFEST) ? await jsonOf(join(dir, CONSOLE_MANIFEST)) : undefined;
  const influxFile = files.find((f) => f.endsWith('.manifest'));
  if (consoleJson === undefined && !influxFile) return null;
  const legacy = legacyManifestSchema.safeParse(consoleJson ?? {});
  const known = legacy.success ? legacy.data : {};
  let buckets = known.buckets;
  if (!buckets && influxFile) {
    const influx = z.looseObject({ buckets: z.array(z.looseObject({ bucketName: z.string() })) }).safeParse(await jsonOf(join(dir, influxFile)));
    buckets = influx.success ? influx.data.buckets.map((b) => b.bucketName) : [];
  }
  let bytes = known.bytes;
  if (bytes === undefined) {
    bytes = 0;
    for (const f of files)
      bytes += await stat(join(dir, f)).then(
        (s) => (s.isFile() ? s.size : 0),
        () => 0,
      );
  }
  const createdAt = known.createdAt && !Number.isNaN(Date.parse(known.createdAt)) ? new Date(known.createdAt).toISOString() : idTime(id);
  const legacyText =
    consoleJson === undefined
      ? 'no console manifest (an `influx backup`, or one the console did not finish removing)'
      : 'written by an older console: its manifest lacks the checksums and record counts a verified restore compares with';
  return { id, dir, createdAt, bytes, buckets: buckets ?? [], verified: null, manifest: null, legacy: legacyText };
}

const listed = (dir: string, manifest: ConsoleManifest): ListedBackup => ({
  id: manifest.id,
  dir,
  createdAt: manifest.createdAt,
  bytes: manifest.bytes,
  buckets: manifest.buckets.map((b) => b.name),
  verified: manifest.verified,
  manifest,
  legacy: null,
});

/**
 * The backups under `root`, newest first: complete ones, and those an older format left (listed
 * as legacy, so the keep rule prunes them too). Partial folders are never listed.
 */
export async function listStored(root: string): Promise<ListedBackup[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const out: ListedBackup[] = [];
  for (const name of names) {
    if (!backupIdSchema.safeParse(name).success) continue;
    const manifest = await readManifest(join(root, name));
    if (manifest && manifest.id === name) out.push(listed(join(root, name), manifest));
    else {
      const legacy = await readLegacy(root, name);
      if (legacy) out.push(legacy);
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** One complete backup by ID, or `not_found` naming where it looked (`invalid` for one an older format left). */
export async function readStored(root: string, id: string): Promise<StoredBackup> {
  const parsed = backupIdSchema.safeParse(id);
  if (!parsed.success) throw new ConsoleFailure(consoleError('invalid', `"${id.slice(0, 60)}" is not a backup ID.`, 'Pick an ID from `backup list`.'));
  const dir = join(root, parsed.data);
  const manifest = await readManifest(dir);
  if (manifest) return { dir, manifest };
  const legacy = await readLegacy(root, parsed.data);
  if (legacy)
    throw new ConsoleFailure(
      consoleError(
        'invalid',
        `Backup ${parsed.data} has ${legacy.legacy}: the console cannot restore or verify it.`,
        `Restore it with \`influx restore ${dir} --bucket B --new-bucket NEW\`, and take a new backup with \`backup create\`.`,
      ),
    );
  throw new ConsoleFailure(
    consoleError('not_found', `No complete backup ${parsed.data} in ${root}.`, 'Pick an ID from `backup list` (CONSOLE_BACKUP_DIR sets the folder).'),
  );
}

/** Removes a backup (the keep-N rule): its manifest first, so a half-removed one is never listed as complete. */
export async function removeStored(root: string, id: string): Promise<void> {
  const dir = join(root, backupIdSchema.parse(id));
  await unlink(join(dir, CONSOLE_MANIFEST)).catch((e: unknown) => {
    if ((e as { code?: unknown }).code !== 'ENOENT') throw e;
  });
  await rm(dir, { recursive: true, force: true });
}

/** Records the result of a restore drill in the backup's console manifest. */
export async function recordVerification(stored: StoredBackup, verified: NonNullable<ConsoleManifest['verified']>): Promise<ConsoleManifest> {
  const manifest = { ...stored.manifest, verified };
  await writeManifest(stored.dir, manifest);
  return manifest;
}
