import 'server-only';

const KEY = Symbol.for('homeiq-influx-console.process-guards');

/** The cause chain of an error, one line each, so a log names where a failure really came from. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  let cur: unknown = error;
  for (let depth = 0; depth < 5 && cur !== undefined && cur !== null; depth++) {
    lines.push(depth === 0 ? (cur instanceof Error ? (cur.stack ?? `${cur.name}: ${cur.message}`) : String(cur)) : `caused by: ${cur instanceof Error ? (cur.stack ?? cur.message) : String(cur)}`);
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return lines.join('\n');
}

/**
 * A stray rejection or exception (a client hanging up mid-request: `Error: aborted`, ECONNRESET)
 * is logged with its cause instead of ending the server for every other user. Installed once.
 */
export function installProcessGuards(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) return;
  g[KEY] = true;
  process.on('unhandledRejection', (reason) => console.error(`[console] unhandled rejection (server keeps running): ${describeError(reason)}`));
  process.on('uncaughtException', (error, origin) => console.error(`[console] uncaught exception from ${origin} (server keeps running): ${describeError(error)}`));
}
