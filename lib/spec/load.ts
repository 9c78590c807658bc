import { readFileSync } from 'node:fs';
import ai5 from './ai5.json';
import { consoleSpecSchema, type ConsoleSpec } from './schema';
import { consoleError } from '../influx/errors';
import { fail, ok, type Result } from '../result';

/** Validates a spec, with messages that name the path of each problem. */
export function parseSpec(raw: unknown, source: string): Result<ConsoleSpec> {
  const parsed = consoleSpecSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return fail(consoleError('config', `The bucket spec ${source} is invalid: ${problems}.`, `Correct ${source} (see lib/spec/ai5.json for a complete example) or unset CONSOLE_SPEC to use the AI-5 spec.`));
}

export function loadSpecFile(path: string): Result<ConsoleSpec> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(consoleError('config', `The bucket spec file ${path} (CONSOLE_SPEC) cannot be read.`, 'Check the path in CONSOLE_SPEC, or unset it to use the AI-5 spec.'));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(consoleError('config', `The bucket spec file ${path} is not valid JSON (${(e as Error).message}).`, 'Fix the JSON syntax, or unset CONSOLE_SPEC to use the AI-5 spec.'));
  }
  return parseSpec(raw, path);
}

const AI5 = parseSpec(ai5, 'lib/spec/ai5.json');

/** The AI-5 spec from the seed; a broken built-in spec is a bug, caught by its unit test. */
export function ai5Spec(): ConsoleSpec {
  if (!AI5.ok) throw new Error(AI5.error.message);
  return AI5.data;
}

let cached: { path: string | undefined; value: Result<ConsoleSpec> } | undefined;

/** The active spec: `CONSOLE_SPEC` when set, else AI-5. */
export function activeSpec(): Result<ConsoleSpec> {
  const path = process.env.CONSOLE_SPEC?.trim() || undefined;
  if (!cached || cached.path !== path) cached = { path, value: path ? loadSpecFile(path) : ok(ai5Spec()) };
  return cached.value;
}
