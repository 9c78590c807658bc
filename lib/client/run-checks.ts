import type { ConsoleError } from '../model/error';
import type { CheckResult, VerifyReport } from '../model/verify';
import { ndjsonEvents } from './ndjson';

export type VerifyEvent = { type: 'check'; result: CheckResult } | { type: 'done'; report?: VerifyReport } | { type: 'error'; error: ConsoleError };

/** POSTs to /api/verify and hands each streamed event over as it arrives. */
export async function streamChecks(only: string | null, onEvent: (e: VerifyEvent) => void): Promise<void> {
  const res = await fetch(`/api/verify${only ? `?only=${encodeURIComponent(only)}` : ''}`, { method: 'POST' });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: ConsoleError } | null;
    onEvent({ type: 'error', error: body?.error ?? { code: 'internal', message: `The console answered ${res.status}.`, fix: 'Retry.' } });
    return;
  }
  for await (const event of ndjsonEvents<VerifyEvent>(res.body)) onEvent(event);
}

/** Offers a text as a file download. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
