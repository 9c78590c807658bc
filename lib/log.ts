import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from './config';

/**
 * The console's log: one line per event, JSON (`LOG_FORMAT=json`, HomeIQ's convention and the
 * default off a terminal) or readable (`pretty`, the default on a terminal), at `LOG_LEVEL` and
 * above. Each line carries the request ID of the request it belongs to. No secret reaches a
 * line: the token, the passwords, the session secret and the alert webhook URL are replaced wherever they appear, and
 * so is any field whose name says it holds one.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_FIELD = /token|password|secret|cookie|authorization/i;
const REDACTED = '[redacted]';

const context = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with every line it logs tagged with `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return context.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/** Replaces every occurrence of each secret (6 characters or more: shorter ones would blank ordinary words). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join(REDACTED);
  return out;
}

function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function formatLine(format: 'json' | 'pretty', level: Level, message: string, fields: Fields, at: Date, secrets: readonly string[]): string {
  const safe: Fields = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) safe[k] = SECRET_FIELD.test(k) ? REDACTED : plain(v);
  if (format === 'json') return redact(JSON.stringify({ time: at.toISOString(), level, service: 'homeiq-influx-console', message, ...safe }), secrets);
  const rest = Object.entries(safe)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return redact(`${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${rest ? ` ${rest}` : ''}`, secrets);
}

interface Settings {
  format: 'json' | 'pretty';
  level: Level;
  secrets: string[];
}

function settings(): Settings {
  const c = config();
  const tty = process.stdout.isTTY === true;
  if (!c.ok) return { format: tty ? 'pretty' : 'json', level: 'info', secrets: [] };
  const d = c.data;
  const secrets = [
    d.influx.ok ? d.influx.data.token : '',
    d.adminPassword ?? '',
    d.viewerPassword ?? '',
    d.sessionSecret ?? '',
    d.alertWebhookUrl ?? '',
  ].filter(Boolean);
  return { format: d.logFormat ?? (tty ? 'pretty' : 'json'), level: d.logLevel, secrets };
}

/**
 * Where lines go. In the server: standard output (JSON, one stream in order), or standard error
 * for pretty warnings and errors. Anywhere else (the CLI, scripts, tests) standard output carries
 * the command's own output (`--json`), so the log goes to standard error.
 */
const inServer = process.env.NEXT_RUNTIME === 'nodejs';
const write = (format: 'json' | 'pretty', level: Level, line: string) =>
  (inServer && !(format === 'pretty' && ORDER[level] >= ORDER.warn) ? process.stdout : process.stderr).write(`${line}\n`);

function emit(level: Level, message: string, fields: Fields = {}): void {
  const s = settings();
  if (ORDER[level] < ORDER[s.level]) return;
  const requestId = currentRequestId();
  write(s.format, level, formatLine(s.format, level, message, requestId ? { requestId, ...fields } : fields, new Date(), s.secrets));
}

export const log = {
  debug: (message: string, fields?: Fields) => emit('debug', message, fields),
  info: (message: string, fields?: Fields) => emit('info', message, fields),
  warn: (message: string, fields?: Fields) => emit('warn', message, fields),
  error: (message: string, fields?: Fields) => emit('error', message, fields),
};

/** The message of anything thrown, for a log field. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const PATCHED = Symbol.for('homeiq-influx-console.console-patched');

/**
 * In JSON mode, routes `console.*` (Next.js's own messages, libraries) through the log, so that
 * every line of the server's output is JSON and redacted.
 */
export function routeConsoleThroughLog(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[PATCHED] || settings().format !== 'json') return;
  g[PATCHED] = true;
  const text = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}` : JSON.stringify(a)))
      .join(' ')
      // Colours and the padding Next.js puts around its messages.
      .replace(/\u001b\[[0-9;]*m/g, '')
      .trim();
  const to =
    (level: Level) =>
    (...args: unknown[]) => {
      const message = text(args);
      if (message) emit(level, message, { source: 'console' });
    };
  console.log = to('info');
  console.info = to('info');
  console.debug = to('debug');
  console.warn = to('warn');
  console.error = to('error');
}
