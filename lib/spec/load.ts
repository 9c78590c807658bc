import 'server-only';
import { readFileSync } from 'node:fs';
import ai5 from './ai5.json';
import { consoleSpecSchema, type ConsoleSpec } from './schema';
import type { ConsoleConfig } from '../config';
import { consoleError } from '../errors';
import { fail, ok, type Result } from '../result';

/** Validates a spec, with messages that name the path of each problem. */
export function parseSpec(raw: unknown, source: string): Result<ConsoleSpec> {
  const parsed = consoleSpecSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return fail(
    consoleError(
      'config',
      `The bucket spec ${source} is invalid: ${problems}.`,
      `Correct ${source} (see lib/spec/ai5.json for a complete example) or unset CONSOLE_SPEC to use the AI-5 spec.`,
    ),
  );
}

export function loadSpecFile(path: string): Result<ConsoleSpec> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail(
      consoleError(
        'config',
        `The bucket spec file ${path} (CONSOLE_SPEC) cannot be read (${reason}).`,
        'Check the path in CONSOLE_SPEC, or unset it to use the AI-5 spec.',
      ),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(
      consoleError(
        'config',
        `The bucket spec file ${path} is not valid JSON (${(e as Error).message}).`,
        'Fix the JSON syntax, or unset CONSOLE_SPEC to use the AI-5 spec.',
      ),
    );
  }
  return parseSpec(raw, path);
}

const AI5 = parseSpec(ai5, 'lib/spec/ai5.json');

/** The AI-5 spec from the seed; a broken built-in spec is a bug, caught by its unit test. */
export function ai5Spec(): ConsoleSpec {
  if (!AI5.ok) throw new Error(AI5.error.message);
  return AI5.data;
}

/**
 * The organization is INFLUXDB_ORG, and only it. The built-in AI-5 spec takes it as its own
 * (the seed's `homeiq` is INFLUXDB_ORG's default); a spec file that names another one is a
 * configuration error, because provisioning one org and browsing another shows nothing.
 */
export function withOrg(spec: ConsoleSpec, org: string, source: string | null): Result<ConsoleSpec> {
  if (spec.org === org) return ok(spec);
  if (source === null) return ok({ ...spec, org });
  return fail(
    consoleError(
      'config',
      `The bucket spec ${source} (CONSOLE_SPEC) names organization "${spec.org}", but INFLUXDB_ORG is "${org}".`,
      `Use one organization: set INFLUXDB_ORG=${spec.org}, or change "org" in ${source} to "${org}".`,
    ),
  );
}

let cached: { key: string; value: Result<ConsoleSpec> } | undefined;

/** The active spec of a configuration: `CONSOLE_SPEC` when set, else AI-5; always for the configured organization. */
export function activeSpec(c: Pick<ConsoleConfig, 'specPath' | 'org'>): Result<ConsoleSpec> {
  const key = `${c.specPath ?? ''}\u0000${c.org}`;
  if (!cached || cached.key !== key) {
    const loaded = c.specPath ? loadSpecFile(c.specPath) : ok(ai5Spec());
    cached = { key, value: loaded.ok ? withOrg(loaded.data, c.org, c.specPath) : loaded };
  }
  return cached.value;
}
