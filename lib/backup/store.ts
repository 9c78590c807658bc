import 'server-only';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { consoleError, ConsoleFailure, type ConsoleError } from '../errors';

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

/** IDs are influx-cli's base names (UTC `20060102T150405Z`), with `-N` when two fall in one second. */
export const backupIdSchema = z.string().regex(/^\d{8}T\d{6}Z(-\d+)?$/, 'A backup ID looks like 20261206T023000Z (see `backup list`).');

const fileSchema = z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const consoleManifestSchema = z.object({
  formatVersion: z.literal(1),
  id: backupIdSchema,
  createdAt: z.string(),
  org: z.string(),
  /** influx-cli's manifest in the same folder (`influx restore <folder>` reads it). */
  influxManifest: z.string(),
  bytes: z.number().int().nonnegative(),
  buckets: z.array(
    z.object({
      name: z.string(),
      id: z.string(),
      records: z.number().int().nonnegative(),
      /** Records per measurement when the backup was taken (the console's exact counts). */
      measurements: z.record(z.string(), z.number().int().nonnegative()),
      /** The bucket's shard files. */
      files: z.array(z.string()),
      /** The raw rows of one shard group at backup time (line protocol: lines and sha256), for the drill. */
      sample: z.object({ start: z.string(), stop: z.string(), lines: z.number().int().nonnegative(), sha256: z.string() }).nullable().optional(),
    }),
  ),
  files: z.array(fileSchema),
  /** The last restore drill: null until `backup verify` ran. */
  verified: z.object({ ok: z.boolean(), at: z.string(), detail: z.string() }).nullable(),
});
export type ConsoleManifest = z.infer<typeof consoleManifestSchema>;
export type BackupFile = z.infer<typeof fileSchema>;

export function backupId(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** A file-system failure as an error a person can act on; a full disk says so. */
export function fileProblem(e: unknown, dir: string): ConsoleError {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return consoleError('too_large', `The disk of ${dir} is full: the backup did not fit, and nothing of it was left behind.`, 'Free space there (or delete old backups), or back up into another folder with --out or CONSOLE_BACKUP_DIR.');
  }
  return consoleError('invalid', `Cannot write the backup into ${dir}: ${message}.`, 'Choose a folder the console can create and write to, with --out or CONSOLE_BACKUP_DIR.');
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
  if (problem) throw new ConsoleFailure(consoleError('internal', `The backup failed its own check: ${problem}.`, 'Check the disk of the backup folder, then back up again.'));
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
    const size = await stat(join(dir, f.name)).then((s) => s.size, () => null);
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

/** Complete backups under `root`, newest first; partial folders and folders without a valid manifest are left out. */
export async function listStored(root: string): Promise<StoredBackup[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const out: StoredBackup[] = [];
  for (const name of names) {
    if (!backupIdSchema.safeParse(name).success) continue;
    const manifest = await readManifest(join(root, name));
    if (manifest && manifest.id === name) out.push({ dir: join(root, name), manifest });
  }
  return out.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.manifest.id.localeCompare(a.manifest.id));
}

/** One complete backup by ID, or `not_found` naming where it looked. */
export async function readStored(root: string, id: string): Promise<StoredBackup> {
  const parsed = backupIdSchema.safeParse(id);
  if (!parsed.success) throw new ConsoleFailure(consoleError('invalid', `"${id.slice(0, 60)}" is not a backup ID.`, 'Pick an ID from `backup list`.'));
  const dir = join(root, parsed.data);
  const manifest = await readManifest(dir);
  if (!manifest) throw new ConsoleFailure(consoleError('not_found', `No complete backup ${parsed.data} in ${root}.`, 'Pick an ID from `backup list` (CONSOLE_BACKUP_DIR sets the folder).'));
  return { dir, manifest };
}

/** Removes a complete backup (the keep-N rule): its manifest first, so a half-removed one is never listed. */
export async function removeStored(root: string, id: string): Promise<void> {
  const dir = join(root, backupIdSchema.parse(id));
  await unlink(join(dir, CONSOLE_MANIFEST));
  await rm(dir, { recursive: true, force: true });
}

/** Records the result of a restore drill in the backup's console manifest. */
export async function recordVerification(stored: StoredBackup, verified: NonNullable<ConsoleManifest['verified']>): Promise<ConsoleManifest> {
  const manifest = { ...stored.manifest, verified };
  await writeManifest(stored.dir, manifest);
  return manifest;
}
