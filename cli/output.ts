import type { ConsoleError } from '../lib/errors';

/** Plain aligned columns: readable in a terminal, easy to grep. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
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
