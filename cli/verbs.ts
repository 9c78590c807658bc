import { UsageError } from './output';

/** A command group's verbs, in the order its usage line names them. */
export type Verbs = Record<string, (argv: string[]) => Promise<number>>;

/** "a, b or c" */
function listing(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Runs the verb `argv` starts with (`buckets list …`), or says which verbs the group has. */
export async function runVerb(group: string, verbs: Verbs, argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const run = verb !== undefined && Object.hasOwn(verbs, verb) ? verbs[verb] : undefined;
  if (!run) throw new UsageError(verb ? `unknown ${group} command "${verb}"` : `${group} needs a command: ${listing(Object.keys(verbs))}`);
  return run(rest);
}
