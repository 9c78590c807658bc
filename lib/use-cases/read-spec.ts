import 'server-only';
import type { Result } from '../result';
import type { ConsoleSpec } from '../spec/schema';
import { withSpec } from './context';

/** The active spec (CONSOLE_SPEC, else AI-5) for the configured organization: what the screens show and offer. */
export function readSpec(): Promise<Result<ConsoleSpec>> {
  return withSpec((ctx) => ctx.spec);
}
