import 'server-only';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { webhookUrlProblem } from './alerts/webhook';
import { parseSchedule, type BackupSchedule } from './backup/schedule';
import { consoleError, ConsoleFailure } from './errors';
import { fail, ok, type Result } from './result';

/**
 * Every environment variable the console and its CLI read, in one schema, parsed once.
 * Nothing else in the code reads `process.env` (Next's own NEXT_RUNTIME and NODE_ENV aside).
 * An empty value counts as unset, so `CONSOLE_SPEC=` means "the built-in spec".
 */
const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (name: string) =>
  z.preprocess(
    unset,
    z
      .string({ error: `${name} must be text` })
      .trim()
      .optional(),
  );

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  return z.preprocess(
    unset,
    z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
          ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, not "${v.slice(0, 40)}"` });
          return z.NEVER;
        }
        return Number(v);
      }),
  );
}

const schema = z.object({
  INFLUXDB_URL: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'INFLUXDB_URL must be an http(s) URL, for example http://localhost:8086')
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
  ),
  INFLUXDB_TOKEN: text('INFLUXDB_TOKEN'),
  INFLUXDB_ORG: z.preprocess(unset, z.string().trim().max(255, 'INFLUXDB_ORG is too long').default('homeiq')),
  CONSOLE_DATA_DIR: text('CONSOLE_DATA_DIR'),
  CONSOLE_SPEC: text('CONSOLE_SPEC'),
  /** Where `backup create` and the Backups screen put backups (default: the data folder's `backups/`). */
  CONSOLE_BACKUP_DIR: text('CONSOLE_BACKUP_DIR'),
  /** Scheduled backups: off (the default), daily@HH:MM (UTC) or "every 6h". */
  CONSOLE_BACKUP_SCHEDULE: z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        const parsed = parseSchedule(v);
        if (parsed.ok) return parsed.schedule;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
  ),
  /** The newest N backups kept after each scheduled backup (unset: every backup is kept). */
  CONSOLE_BACKUP_KEEP: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .regex(/^([1-9]\d{0,3})$/, 'CONSOLE_BACKUP_KEEP must be a whole number from 1 to 9999')
      .transform(Number)
      .optional(),
  ),
  /** The restore drill on each scheduled backup, right after it (off by default: it restores every bucket once more). */
  CONSOLE_BACKUP_DRILL: z.preprocess(unset, z.enum(['on', 'off'], { error: 'CONSOLE_BACKUP_DRILL must be "on" or "off"' }).default('off')),
  CONSOLE_SAMPLE_INTERVAL_SECONDS: wholeNumber('CONSOLE_SAMPLE_INTERVAL_SECONDS', 1, 86_400, 60),
  CONSOLE_SAMPLER: z.preprocess(unset, z.enum(['on', 'off'], { error: 'CONSOLE_SAMPLER must be "on" or "off"' }).default('on')),
  CONSOLE_ADMIN_PASSWORD: z.preprocess(unset, z.string().max(1000, 'CONSOLE_ADMIN_PASSWORD is too long (1000 characters at most)').optional()),
  CONSOLE_VIEWER_PASSWORD: z.preprocess(unset, z.string().max(1000, 'CONSOLE_VIEWER_PASSWORD is too long (1000 characters at most)').optional()),
  CONSOLE_SESSION_SECRET: text('CONSOLE_SESSION_SECRET'),
  /** How many reverse proxies in front of the console append to X-Forwarded-For (unset: the header is ignored). */
  CONSOLE_TRUSTED_PROXY: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .regex(/^([1-9]|10)$/, 'CONSOLE_TRUSTED_PROXY must be the number of proxies in front of the console, 1 to 10')
      .transform(Number)
      .optional(),
  ),
  PORT: wholeNumber('PORT', 1, 65_535, 3000),
  /** Where alerts go (a generic JSON POST, or Slack/Discord text when the URL is theirs); unset: incidents are only listed on the Alerts screen. */
  CONSOLE_ALERT_WEBHOOK_URL: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        const problem = webhookUrlProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  ),
  CONSOLE_ALERT_UNREACHABLE_MINUTES: wholeNumber('CONSOLE_ALERT_UNREACHABLE_MINUTES', 1, 1440, 5),
  /** `json`: one JSON object per line (HomeIQ's services); `pretty`: for a person at a terminal (the default there). */
  LOG_FORMAT: z.preprocess(unset, z.enum(['json', 'pretty'], { error: 'LOG_FORMAT must be "json" or "pretty"' }).optional()),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? unset(v.toLowerCase()) : v),
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'LOG_LEVEL must be debug, info, warn or error' }).default('info'),
  ),
});

/** The seed's three variables; the token never leaves the server. */
export interface InfluxEnv {
  url: string;
  token: string;
  org: string;
}

export interface ConsoleConfig {
  /** Null when INFLUXDB_URL or INFLUXDB_TOKEN is missing: the screens say so, with the fix. */
  influx: Result<InfluxEnv>;
  org: string;
  dataDir: string;
  backupDir: string;
  backupSchedule: BackupSchedule;
  /** Null: no backup is ever removed by the schedule. */
  backupKeep: number | null;
  /** The restore drill after each scheduled backup (CONSOLE_BACKUP_DRILL=on). */
  backupDrill: boolean;
  specPath: string | null;
  sampleIntervalMs: number;
  sampler: boolean;
  adminPassword: string | null;
  viewerPassword: string | null;
  sessionSecret: string | null;
  /** Proxies in front of the console whose X-Forwarded-For entries are believed. */
  trustedProxy: number | null;
  port: number;
  /** A secret of its own (Slack's and Discord's URLs carry their token): never logged or shown whole. */
  alertWebhookUrl: string | null;
  alertUnreachableMinutes: number;
  /** Null: json, or pretty when standard output is a terminal. */
  logFormat: 'json' | 'pretty' | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const VARIABLES = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

export function parseConfig(source: Record<string, string | undefined>, cwd: string = process.cwd()): Result<ConsoleConfig> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join('; ');
    return fail(
      consoleError(
        'config',
        `Configuration error: ${message}.`,
        'Correct the variable named above (see the Configuration section of the README), then start again.',
      ),
    );
  }
  const v = parsed.data;
  const missing = [!v.INFLUXDB_URL && 'INFLUXDB_URL is not set', !v.INFLUXDB_TOKEN && 'INFLUXDB_TOKEN is not set'].filter((m): m is string => !!m);
  const influx: Result<InfluxEnv> =
    v.INFLUXDB_URL && v.INFLUXDB_TOKEN
      ? ok({ url: v.INFLUXDB_URL, token: v.INFLUXDB_TOKEN, org: v.INFLUXDB_ORG })
      : fail(consoleError('config', `Configuration incomplete: ${missing.join('; ')}.`));
  return ok({
    influx,
    org: v.INFLUXDB_ORG,
    dataDir: resolve(/*turbopackIgnore: true*/ v.CONSOLE_DATA_DIR ?? join(cwd, '.data')),
    backupDir: resolve(/*turbopackIgnore: true*/ v.CONSOLE_BACKUP_DIR ?? join(v.CONSOLE_DATA_DIR ?? join(cwd, '.data'), 'backups')),
    backupSchedule: v.CONSOLE_BACKUP_SCHEDULE,
    backupKeep: v.CONSOLE_BACKUP_KEEP ?? null,
    backupDrill: v.CONSOLE_BACKUP_DRILL === 'on',
    specPath: v.CONSOLE_SPEC ?? null,
    sampleIntervalMs: v.CONSOLE_SAMPLE_INTERVAL_SECONDS * 1000,
    sampler: v.CONSOLE_SAMPLER === 'on',
    adminPassword: v.CONSOLE_ADMIN_PASSWORD ?? null,
    viewerPassword: v.CONSOLE_VIEWER_PASSWORD ?? null,
    sessionSecret: v.CONSOLE_SESSION_SECRET ?? null,
    trustedProxy: v.CONSOLE_TRUSTED_PROXY ?? null,
    port: v.PORT,
    alertWebhookUrl: v.CONSOLE_ALERT_WEBHOOK_URL ?? null,
    alertUnreachableMinutes: v.CONSOLE_ALERT_UNREACHABLE_MINUTES,
    logFormat: v.LOG_FORMAT ?? null,
    logLevel: v.LOG_LEVEL,
  });
}

let cached: { key: string; value: Result<ConsoleConfig> } | undefined;

/** The parsed environment; parsed again only when a variable changed (tests and the CLI point elsewhere). */
export function config(): Result<ConsoleConfig> {
  const key = VARIABLES.map((name) => process.env[name] ?? '').join('\u0000');
  if (!cached || cached.key !== key) cached = { key, value: parseConfig(process.env) };
  return cached.value;
}

/** The configuration, or an ConsoleFailure for the caller's result (configuration errors are not recoverable). */
export function requireConfig(): ConsoleConfig {
  const c = config();
  if (!c.ok) throw new ConsoleFailure(c.error);
  return c.data;
}

/** The InfluxDB connection settings, or the configuration error the screens show. */
export function influxEnv(): Result<InfluxEnv> {
  const c = config();
  return c.ok ? c.data.influx : c;
}

export function requireInfluxEnv(): InfluxEnv {
  const env = influxEnv();
  if (!env.ok) throw new ConsoleFailure(env.error);
  return env.data;
}
