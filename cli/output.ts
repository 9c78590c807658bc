import type { ConsoleError } from '../lib/errors';

/** Plain aligned columns: readable in a terminal, easy to grep. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function printError(error: ConsoleError): void {
  process.stderr.write(`error: ${error.message}\n`);
  if (error.fields) for (const [field, message] of Object.entries(error.fields)) process.stderr.write(`  ${field}: ${message}\n`);
  process.stderr.write(`fix: ${error.fix}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Thrown for bad command lines; main prints it with the usage and exits 64. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, needsConfirmation: 2, usage: 64 } as const;

/** Control characters and bidirectional overrides: a terminal would act on them instead of showing them. */
const UNSAFE = /\x1b\[K|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as a terminal shows it safely: control characters (escape sequences, carriage returns, C1
 * codes) and bidi overrides from data become visible `\u001b`-style escapes; newlines and tabs stay.
 * `keep` lists sequences the CLI writes itself (the progress line's `\r` and erase-line).
 */
export function terminalSafe(text: string, keep: readonly string[] = []): string {
  return text.replace(UNSAFE, (c) => (keep.includes(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Makes every text written to stdout and stderr terminal-safe (binary output, such as an export's
 * gzip, passes untouched): tag values and names come from the data, and anyone who can write a
 * point could otherwise move the cursor, rewrite lines or retitle the operator's terminal.
 */
export function guardTerminal(): void {
  const wrap = (stream: NodeJS.WriteStream, keep: readonly string[]) => {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? terminalSafe(chunk, keep) : chunk, ...rest)) as typeof stream.write;
  };
  wrap(process.stdout, []);
  wrap(process.stderr, ['\r', '\x1b[K']);
}
