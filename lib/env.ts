import 'server-only';
import { z } from 'zod';
import { consoleError, InfluxError } from './influx/errors';
import { fail, ok, type Result } from './result';

/** The seed's three variables, parsed once; the token never leaves the server. */
const influxEnvSchema = z.object({
  INFLUXDB_URL: z
    .string({ error: 'INFLUXDB_URL is not set' })
    .trim()
    .min(1, { message: 'INFLUXDB_URL is not set', abort: true })
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'INFLUXDB_URL must be an http(s) URL, for example http://localhost:8086')
    .transform((v) => v.replace(/\/+$/, '')),
  INFLUXDB_TOKEN: z.string({ error: 'INFLUXDB_TOKEN is not set' }).trim().min(1, 'INFLUXDB_TOKEN is not set'),
  INFLUXDB_ORG: z.string().trim().min(1, 'INFLUXDB_ORG is empty').default('homeiq'),
});

export interface InfluxEnv {
  url: string;
  token: string;
  org: string;
}

export function parseInfluxEnv(source: Record<string, string | undefined>): Result<InfluxEnv> {
  const parsed = influxEnvSchema.safeParse(source);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join('; ');
    return fail(consoleError('config', `Configuration incomplete: ${message}.`));
  }
  const { INFLUXDB_URL: url, INFLUXDB_TOKEN: token, INFLUXDB_ORG: org } = parsed.data;
  return ok({ url, token, org });
}

let cached: { key: string; value: Result<InfluxEnv> } | undefined;

/** Reads process.env (re-read when it changes, so tests and the CLI can point elsewhere). */
export function influxEnv(): Result<InfluxEnv> {
  const key = `${process.env.INFLUXDB_URL}\u0000${process.env.INFLUXDB_TOKEN}\u0000${process.env.INFLUXDB_ORG}`;
  if (!cached || cached.key !== key) cached = { key, value: parseInfluxEnv(process.env) };
  return cached.value;
}

export function requireInfluxEnv(): InfluxEnv {
  const env = influxEnv();
  if (!env.ok) throw new InfluxError(env.error);
  return env.data;
}
