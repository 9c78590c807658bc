import 'server-only';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { log } from './log';

const KEY = Symbol.for('homeiq-influx-console.process-guards');

/** The cause chain of an error, one line each, so a log names where a failure really came from. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  let cur: unknown = error;
  for (let depth = 0; depth < 5 && cur !== undefined && cur !== null; depth++) {
    lines.push(
      depth === 0
        ? cur instanceof Error
          ? (cur.stack ?? `${cur.name}: ${cur.message}`)
          : String(cur)
        : `caused by: ${cur instanceof Error ? (cur.stack ?? cur.message) : String(cur)}`,
    );
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return lines.join('\n');
}

/**
 * Installed once when the server starts. A stray rejection or exception (a client hanging up mid-request: `Error: aborted`, ECONNRESET)
 * is logged with its cause instead of ending the server for every other user. Installed once.
 */
export function installProcessGuards(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) return;
  g[KEY] = true;
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection (the server keeps running)', { error: describeError(reason) }));
  process.on('uncaughtException', (error, origin) => log.error('uncaught exception (the server keeps running)', { origin, error: describeError(error) }));
  refuseUnrepresentableMethods();
}

/** Methods the Fetch API refuses to even represent: Next.js fails on them before proxy.ts can answer. */
const UNREPRESENTABLE = new Set(['TRACE', 'TRACK', 'CONNECT']);

/**
 * Answers TRACE and TRACK with a 405 and a typed error at the HTTP server itself: otherwise
 * Next.js turns them into a 500 while building the request object for the proxy.
 */
export function refuseUnrepresentableMethods(): void {
  const g = globalThis as Record<symbol, unknown>;
  const key = Symbol.for('homeiq-influx-console.method-guard');
  if (g[key]) return;
  g[key] = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (req.method && UNREPRESENTABLE.has(req.method)) {
        const error = { code: 'invalid', message: `The method ${req.method} is not allowed here.`, fix: 'Use GET, HEAD or POST.' };
        res.writeHead(405, {
          Allow: 'GET, HEAD, POST',
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
          'X-Frame-Options': 'DENY',
          'Referrer-Policy': 'same-origin',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(JSON.stringify({ ok: false, error }));
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof Server.prototype.emit;
}
