import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '../data-dir';
import { consoleError, ConsoleFailure } from '../errors';
import { formatNumber } from '../model/format';

/**
 * Uploaded line-protocol files waiting for their import, under the console's data folder. The
 * browser sends a file in chunks below the request-body limit the proxy enforces (1 MB), each
 * appended in order; the import reads the file from disk, so memory stays flat at any size.
 * Files are removed after their import and an hour after their upload, whichever comes first.
 */

export const CHUNK_BYTES = 768 * 1024;
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
export const UPLOAD_TTL_MS = 60 * 60_000;
/** Uploads waiting at once, and the bytes they may announce together. */
export const MAX_UPLOADS = 8;
export const MAX_TOTAL_UPLOAD_BYTES = 8 * 1024 ** 3;
/** Disk left free for console.db and InfluxDB's own files whatever the uploads announce. */
export const DISK_RESERVE_BYTES = 512 * 1024 ** 2;
const SWEEP_MS = 5 * 60_000;

export interface Upload {
  id: string;
  bucketId: string;
  /** The size the browser announced, in bytes. */
  size: number;
  fileName: string;
  createdAt: number;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function folder(): Promise<string> {
  const dir = join(dataDir(), 'imports');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

const unknownUpload = () =>
  new ConsoleFailure(
    consoleError('not_found', 'That upload is gone: imports are kept for an hour, and only until they are written.', 'Choose the file again.'),
  );

export async function uploadPath(id: string): Promise<string> {
  if (!ID.test(id)) throw unknownUpload();
  return join(await folder(), `${id}.lp`);
}

export async function readUpload(id: string): Promise<Upload> {
  const path = await uploadPath(id);
  try {
    const upload = JSON.parse(await readFile(`${path}.json`, 'utf8')) as Upload;
    if (Date.now() - upload.createdAt > UPLOAD_TTL_MS) throw unknownUpload();
    return upload;
  } catch (e) {
    if (e instanceof ConsoleFailure) throw e;
    throw unknownUpload();
  }
}

async function liveUploads(dir: string): Promise<Upload[]> {
  const out: Upload[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.lp.json')) continue;
    const upload = await readFile(join(dir, name), 'utf8').then(
      (t) => JSON.parse(t) as Upload,
      () => null,
    );
    if (upload) out.push(upload);
  }
  return out;
}

/** Room for an upload of `size` bytes: a free place among MAX_UPLOADS, and the bytes within the total and the free disk. */
async function checkRoom(size: number): Promise<void> {
  const dir = await folder();
  const live = await liveUploads(dir);
  if (live.length >= MAX_UPLOADS) {
    throw new ConsoleFailure(
      consoleError(
        'busy',
        `${live.length} uploads are waiting to be imported: at most ${MAX_UPLOADS} at once.`,
        'Finish or abandon an import (uploads are dropped an hour after they start), then choose the file again.',
      ),
    );
  }
  const pending = live.reduce((sum, u) => sum + u.size, 0);
  const fs = await statfs(dir);
  const free = Number(fs.bavail) * Number(fs.bsize);
  const room = Math.min(MAX_TOTAL_UPLOAD_BYTES - pending, free - DISK_RESERVE_BYTES - pending);
  if (size > room) {
    throw new ConsoleFailure(
      consoleError(
        'too_large',
        `There is no room for ${mib(size)} more: uploads waiting hold ${mib(pending)}, ${mib(free)} of disk is free, and ${mib(DISK_RESERVE_BYTES)} stays free.`,
        'Free disk space where the console keeps its data, or import the file from the server with `homeiq-console data import --bucket B FILE`.',
      ),
    );
  }
}

const mib = (bytes: number) => `${formatNumber(Math.max(0, Math.round(bytes / 1024 ** 2)))} MiB`;

/** Sweeps expired uploads every few minutes, whether or not another upload starts (once per process). */
function ensureSweeper(): void {
  const g = globalThis as Record<symbol, unknown>;
  const key = Symbol.for('homeiq-influx-console.upload-sweeper');
  if (g[key]) return;
  const timer = setInterval(() => void removeExpired().catch(() => undefined), SWEEP_MS);
  timer.unref();
  g[key] = timer;
}

/** Uploads start one at a time: two at once could each see room for itself and together not fit. */
let starting: Promise<unknown> = Promise.resolve();

export function createUpload(bucketId: string, size: number, fileName: string): Promise<Upload> {
  const next = starting.then(() => startOne(bucketId, size, fileName));
  starting = next.catch(() => undefined);
  return next;
}

async function startOne(bucketId: string, size: number, fileName: string): Promise<Upload> {
  ensureSweeper();
  await removeExpired();
  if (!Number.isSafeInteger(size) || size <= 0)
    throw new ConsoleFailure(consoleError('invalid', 'The file is empty.', 'Choose a line-protocol file (.lp or .lp.gz).'));
  if (size > MAX_UPLOAD_BYTES)
    throw new ConsoleFailure(
      consoleError(
        'too_large',
        `The file is ${(size / 1024 ** 3).toFixed(1)} GB: uploads stop at ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`,
        'Gzip it, split it, or import it from the server with `homeiq-console data import --bucket B FILE`.',
      ),
    );
  await checkRoom(size);
  const upload: Upload = { id: randomUUID(), bucketId, size, fileName: fileName.slice(0, 200), createdAt: Date.now() };
  const path = await uploadPath(upload.id);
  await writeFile(path, new Uint8Array(0), { mode: 0o600 });
  await writeFile(`${path}.json`, JSON.stringify(upload), { mode: 0o600 });
  return upload;
}

/** Appends one chunk at `offset` (the bytes received so far: chunks arrive in order, once each). */
export async function appendChunk(id: string, offset: number, bytes: Uint8Array): Promise<{ received: number; size: number }> {
  const upload = await readUpload(id);
  const path = await uploadPath(id);
  const have = (await stat(path)).size;
  if (offset !== have)
    throw new ConsoleFailure(
      consoleError('conflict', `The upload has ${have} bytes, not ${offset}: a chunk was lost or sent twice.`, 'Choose the file again.'),
    );
  if (bytes.length > CHUNK_BYTES || have + bytes.length > upload.size)
    throw new ConsoleFailure(consoleError('invalid', 'That chunk does not fit the announced file size.', 'Choose the file again.'));
  await appendFile(path, bytes);
  return { received: have + bytes.length, size: upload.size };
}

/** The upload, complete, ready to read. */
export async function completeUpload(id: string): Promise<{ upload: Upload; path: string }> {
  const upload = await readUpload(id);
  const path = await uploadPath(id);
  const have = (await stat(path)).size;
  if (have !== upload.size)
    throw new ConsoleFailure(consoleError('invalid', `The upload is incomplete: ${have} of ${upload.size} bytes arrived.`, 'Choose the file again.'));
  return { upload, path };
}

export async function removeUpload(id: string): Promise<void> {
  const path = await uploadPath(id);
  await rm(path, { force: true });
  await rm(`${path}.json`, { force: true });
}

export async function removeExpired(now: number = Date.now()): Promise<void> {
  const dir = await folder();
  for (const name of await readdir(dir)) {
    const id = name.replace(/\.lp(\.json)?$/, '');
    if (!ID.test(id)) continue;
    const meta = join(dir, `${id}.lp.json`);
    const created = await readFile(meta, 'utf8').then(
      (t) => (JSON.parse(t) as Upload).createdAt,
      () => 0,
    );
    if (now - created > UPLOAD_TTL_MS) await removeUpload(id);
  }
}
