import 'server-only';
import { appendChunk } from '../data/import-uploads';
import type { Result } from '../result';
import { withSpec } from './context';

/** One chunk of a browser upload, at its offset (start-upload.ts). */
export async function receiveChunk(importId: string, offset: number, bytes: Uint8Array): Promise<Result<{ received: number; size: number }>> {
  return withSpec(() => appendChunk(importId, offset, bytes));
}
