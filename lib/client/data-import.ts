import type { ConsoleError } from '../model/error';
import type { Result } from '../model/result';
import type { ImportProgress, ImportReport } from '../model/data-operations';
import { ResultError } from './fetch-result';
import { ndjsonEvents } from './ndjson';

export type CheckedUpload = ImportReport & { importId: string; fileName: string };
export type ImportEvent = ({ type: 'progress' } & ImportProgress) | { type: 'done'; report: ImportReport } | { type: 'error'; error: ConsoleError };

async function post<T>(url: string, body: BodyInit, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType } });
  } catch {
    throw new ResultError({
      code: 'unreachable',
      message: 'The console server did not answer.',
      fix: 'Check that the console is still running, then choose the file again.',
    });
  }
  const result = (await res.json().catch(() => null)) as Result<T> | null;
  if (!result) throw new ResultError({ code: 'internal', message: `The console answered ${res.status} without data.`, fix: 'Retry.' });
  if (!result.ok) throw new ResultError(result.error);
  return result.data;
}

/**
 * Uploads a file in chunks below the console's request-body limit (the server says how big),
 * then asks for the dry run. `onUploaded` gets the bytes sent so far.
 */
export async function uploadAndCheck(bucketId: string, file: File, onUploaded: (bytes: number) => void): Promise<CheckedUpload> {
  const { importId, chunkBytes } = await post<{ importId: string; chunkBytes: number }>(
    `/api/data/import?bucket=${encodeURIComponent(bucketId)}`,
    JSON.stringify({ size: file.size, fileName: file.name }),
    'application/json',
  );
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    await post(`/api/data/import/${importId}?offset=${offset}`, file.slice(offset, offset + chunkBytes), 'application/octet-stream');
    onUploaded(Math.min(file.size, offset + chunkBytes));
  }
  return post<CheckedUpload>(`/api/data/import/${importId}/check`, '', 'application/json');
}

/** Writes a checked upload, handing over each progress event; resolves with the final report. */
export async function writeImport(importId: string, confirmName: string, onEvent: (e: ImportEvent) => void): Promise<ImportReport> {
  const res = await fetch(`/api/data/import/${importId}/write`, {
    method: 'POST',
    body: JSON.stringify({ confirmName }),
    headers: { 'Content-Type': 'application/json' },
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: ConsoleError } | null;
    throw new ResultError(body?.error ?? { code: 'internal', message: `The console answered ${res.status}.`, fix: 'Retry.' });
  }
  for await (const event of ndjsonEvents<ImportEvent>(res.body)) {
    if (event.type === 'error') throw new ResultError(event.error);
    if (event.type === 'done') return event.report;
    onEvent(event);
  }
  throw new ResultError({
    code: 'internal',
    message: 'The import stopped without a report: the connection to the console closed.',
    fix: 'Check the bucket (Measurements) before importing again: rewriting the same points is harmless.',
  });
}
