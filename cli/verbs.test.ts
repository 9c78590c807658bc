import { describe, expect, it } from 'vitest';
import { UsageError } from './output';
import { runVerb } from './verbs';

describe('a command group and its verbs', () => {
  const seen: string[][] = [];
  const verbs = {
    list: async (argv: string[]) => (seen.push(['list', ...argv]), 0),
    create: async (argv: string[]) => (seen.push(['create', ...argv]), 3),
    delete: async () => 1,
  };

  it('runs the verb with the arguments after it, and answers its exit code', async () => {
    expect(await runVerb('buckets', verbs, ['create', 'x', '--retention', '30d'])).toBe(3);
    expect(await runVerb('buckets', verbs, ['list'])).toBe(0);
    expect(seen).toEqual([['create', 'x', '--retention', '30d'], ['list']]);
  });

  it('names the verbs, in order, when none or an unknown one is given (never an inherited name)', async () => {
    await expect(runVerb('buckets', verbs, [])).rejects.toThrow(new UsageError('buckets needs a command: list, create or delete'));
    await expect(runVerb('buckets', verbs, ['drop'])).rejects.toThrow(new UsageError('unknown buckets command "drop"'));
    await expect(runVerb('buckets', verbs, ['drop'])).rejects.toBeInstanceOf(UsageError);
    await expect(runVerb('buckets', verbs, ['toString'])).rejects.toThrow(new UsageError('unknown buckets command "toString"'));
    await expect(runVerb('data', { export: verbs.list }, [])).rejects.toThrow(new UsageError('data needs a command: export'));
  });
});
