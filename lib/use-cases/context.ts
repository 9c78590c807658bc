import 'server-only';
import { audit, type AuditInput } from '../audit/log';
import type { Actor } from '../auth/actor';
import { config, type ConsoleConfig } from '../config';
import { ConsoleFailure } from '../errors';
import { connection, type Connection } from '../influx/client';
import { QueryCancelled } from '../influx/cancelled';
import { toConsoleError } from '../influx/errors';
import { log } from '../log';
import { openSession, type InfluxSession, type SessionOptions } from '../influx/session';
import { fail, ok, type Result } from '../result';
import { activeSpec } from '../spec/load';
import type { ConsoleSpec } from '../spec/schema';
import { forgetCachedReads } from '../stats/memo';

/**
 * The one place an error thrown by a use case becomes a value: typed errors pass as they are, and
 * anything unexpected (a bug, not InfluxDB's answer) is logged first with its stack and cause, under
 * the request's ID, so the "Unexpected error" a person sees can be found in the log.
 */
export function failed(e: unknown): Result<never> {
  const error = toConsoleError(e);
  if (error.code === 'internal' && !(e instanceof ConsoleFailure) && !(e instanceof QueryCancelled)) {
    const err = e instanceof Error ? e : new Error(String(e));
    log.error('unexpected error', {
      error: `${err.name}: ${err.message}`,
      stack: err.stack,
      cause: err.cause instanceof Error ? `${err.cause.name}: ${err.cause.message}` : err.cause === undefined ? undefined : String(err.cause),
    });
  }
  return fail(error);
}

/** What every use case starts from: the parsed configuration and the active spec. */
export interface SpecContext {
  config: ConsoleConfig;
  spec: ConsoleSpec;
}

/** ...and, for those that need the server but not its organization (a plan reports a missing one), a connection. */
export interface ConnectedContext extends SpecContext {
  conn: Connection;
}

/** ...and, for those that talk to InfluxDB, one session on the configured organization. */
export interface Context extends SpecContext {
  influx: InfluxSession;
}

function specContext(): Result<SpecContext> {
  const c = config();
  if (!c.ok) return c;
  const spec = activeSpec(c.data);
  if (!spec.ok) return spec;
  return ok({ config: c.data, spec: spec.data });
}

/** Runs work that needs the configuration and the spec; anything thrown becomes a typed error. */
export async function withSpec<T>(work: (ctx: SpecContext) => Promise<T> | T): Promise<Result<T>> {
  const ctx = specContext();
  if (!ctx.ok) return ctx;
  try {
    return ok(await work(ctx.data));
  } catch (e) {
    return failed(e);
  }
}

/** Runs work that needs a connection to the configured server (missing settings: the `config` error). */
export function withConnection<T>(work: (ctx: ConnectedContext) => Promise<T> | T): Promise<Result<T>> {
  return withSpec((ctx) => {
    if (!ctx.config.influx.ok) throw new ConsoleFailure(ctx.config.influx.error);
    return work({ ...ctx, conn: connection(ctx.config.influx.data) });
  });
}

/** Runs work that talks to InfluxDB, in the configured organization (missing: `not_found` with the fix). */
export async function withInflux<T>(work: (ctx: Context) => Promise<T>, opts: SessionOptions = {}): Promise<Result<T>> {
  const ctx = specContext();
  if (!ctx.ok) return ctx;
  if (!ctx.data.config.influx.ok) return ctx.data.config.influx;
  try {
    const influx = await openSession(ctx.data.config.influx.data, opts);
    return ok(await work({ ...ctx.data, influx }));
  } catch (e) {
    return failed(e);
  }
}

/**
 * The one place a change is recorded: a row in the audit log (done, refused or failed) and,
 * when data or buckets changed, every cached read dropped so the screens show the change.
 */
export function recordChange(actor: Actor, entry: AuditInput, opts: { changed: boolean }): void {
  if (opts.changed) forgetCachedReads();
  audit(actor, entry);
}

/** The audit entry of a change that ended in `result`. */
export function outcome<T>(result: Result<T>, entry: Omit<AuditInput, 'result' | 'message' | 'after'> & { after: (data: T) => unknown }): AuditInput {
  return { ...entry, after: result.ok ? entry.after(result.data) : null, result: result.ok ? 'ok' : 'failed', message: result.ok ? '' : result.error.message };
}
