import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import-graph rule, run through the project's own ESLint config (so this also proves it is wired
 * in, and runs wherever `eslint .` does) on fixtures that break each boundary in every path form.
 * The fixtures are text linted as if they stood at the given paths; nothing is written to disk.
 */
const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/boundaries').map((m) => m.message.slice(0, m.message.indexOf(']') + 1));
}

describe('the import-graph check', { timeout: 30_000 }, () => {
  // Loading the project's config and plugins takes seconds on a busy machine: once, before the cases.
  beforeAll(async () => {
    eslint = new ESLint({ cwd: root });
    await eslint.lintText('export {};\n', { filePath: path.join(root, 'lib/model/warm-up.ts') });
  }, 120_000);

  it('refuses the gateway’s raw rows and query text outside lib/influx', async () => {
    expect(
      await problems(
        'lib/stats/fixture.ts',
        "import { queryRows, type FluxRow } from '../influx/query';\nexport const f = (r: FluxRow) => queryRows(String(r));\n",
      ),
    ).toEqual(['[gateway]']);
    expect(await problems('lib/insights/fixture.ts', "import type { FluxRow } from '@/lib/influx/query';\nexport type R = FluxRow;\n")).toEqual(['[gateway]']);
    expect(
      await problems('lib/verify/checks/fixture.ts', "import { readCheckQuery } from '../../influx/queries/probe';\nexport const q = readCheckQuery;\n"),
    ).toEqual(['[gateway]']);
    expect(await problems('lib/stats/fixture.ts', "import { listBuckets } from '../influx/buckets';\nexport const l = listBuckets;\n")).toEqual([]);
  });

  it('refuses domain code, use cases and adapters inside lib/influx, in every path form', async () => {
    for (const spec of [
      '../data/delete-predicate',
      '@/lib/data/delete-predicate',
      '../insights/gate',
      '@/lib/stats/slices',
      '../use-cases/context',
      '../verify/types',
    ]) {
      expect(await problems('lib/influx/fixture.ts', `import * as x from '${spec}';\nexport const y = x;\n`), spec).toEqual(['[influx-domain]']);
    }
    expect(await problems('lib/influx/queries/fixture.ts', "import type { Selection } from '../../data/selection';\nexport type S = Selection;\n")).toEqual([
      '[influx-domain]',
    ]);
    expect(
      await problems(
        'lib/influx/fixture.ts',
        "import { FIXES } from '../errors';\nimport type { BucketInfo } from '@/lib/model/bucket';\nexport const y: [unknown, BucketInfo?] = [FIXES];\n",
      ),
    ).toEqual([]);
  });

  it('refuses a use case importing another use case', async () => {
    expect(await problems('lib/use-cases/fixture.ts', "import { readStats } from './read-stats';\nexport const r = readStats;\n")).toEqual(['[use-case]']);
    expect(await problems('lib/use-cases/fixture.ts', "import { listBuckets } from '@/lib/use-cases/list-buckets';\nexport const r = listBuckets;\n")).toEqual([
      '[use-case]',
    ]);
    expect(await problems('lib/use-cases/fixture.ts', "import { withInflux } from './context';\nexport const r = withInflux;\n")).toEqual([]);
  });

  it('refuses a use-case file exporting more than one verb; types, schemas and constants may stand beside it', async () => {
    expect(await problems('lib/use-cases/fixture.ts', 'export async function planX(): Promise<void> {}\nexport function runX(): void {}\n')).toEqual([
      '[one-verb]',
    ]);
    // Arrow functions and a list of local names count as much as declarations.
    expect(await problems('lib/use-cases/fixture.ts', 'const a = () => 1;\nexport const b = () => 2;\nexport { a };\n')).toEqual(['[one-verb]']);
    expect(await problems('lib/use-cases/fixture.ts', "export { planX, runX } from '../data/fixture';\n")).toEqual(['[one-verb]']);
    expect(
      await problems(
        'lib/use-cases/fixture.ts',
        "import { z } from 'zod';\nexport const inputSchema = z.string();\nexport const LIMIT = 5;\nexport interface Out { n: number }\nexport type { Out as O };\nconst helper = () => 1;\nexport function verb(): Out {\n  return { n: helper() + LIMIT };\n}\n",
      ),
    ).toEqual([]);
    // Shared helpers and the hub may export several.
    expect(await problems('lib/use-cases/shared/fixture.ts', 'export function a(): void {}\nexport function b(): void {}\n')).toEqual([]);
    expect(await problems('lib/use-cases/context.ts', 'export function a(): void {}\nexport function b(): void {}\n')).toEqual([]);
  });

  it('refuses lib/model importing anything outside lib/model', async () => {
    expect(await problems('lib/model/fixture.ts', "import type { Budget } from '../storage/budgets';\nexport type B = Budget;\n")).toEqual(['[model]']);
    expect(await problems('lib/model/fixture.ts', "import { config } from '@/lib/config';\nexport const c = config;\n")).toEqual(['[model]']);
    expect(await problems('lib/model/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual(['[model]']);
    expect(
      await problems(
        'lib/model/fixture.ts',
        "import { z } from 'zod';\nimport { parseRetention } from './retention';\nexport const r = [z, parseRetention];\n",
      ),
    ).toEqual([]);
  });

  it('refuses a client component reaching a server module, directly or through what it imports', async () => {
    const client = (imports: string) => `'use client';\n${imports}\nexport function C() {\n  return null;\n}\n`;
    expect(
      await problems('app/fixture.tsx', client("import type { DeletePreview } from '@/lib/use-cases/delete-data';\nexport type P = DeletePreview;")),
    ).toEqual(['[client]', '[client-lib]']);
    expect(await problems('components/fixture.tsx', client("import { config } from '../lib/config';\nexport const c = config;"))).toEqual([
      '[client]',
      '[client-lib]',
    ]);
    expect(await problems('components/fixture.tsx', client("import { ai5Spec } from '@/lib/spec/load';\nexport const s = ai5Spec;"))).toEqual([
      '[client]',
      '[client-lib]',
    ]);
    // Through a module that is not server code itself but imports one at run time.
    expect(await problems('components/fixture.tsx', client("import { withInflux } from '@/lib/use-cases/context';\nexport const w = withInflux;"))).toEqual([
      '[client]',
      '[client-lib]',
    ]);
    expect(
      await problems(
        'components/fixture.tsx',
        client(
          "import { formatBytes } from '@/lib/client/format';\nimport { createBucket } from '@/lib/actions/create-bucket';\nexport const f = [formatBytes, createBucket];",
        ),
      ),
    ).toEqual([]);
    // The same import in a server component is fine.
    expect(await problems('app/fixture.tsx', "import { config } from '@/lib/config';\nexport const c = config;\n")).toEqual([]);
  });

  it('refuses browser code importing lib/ outside lib/model, lib/client and lib/actions, even a type or a pure function', async () => {
    const client = (imports: string) => `'use client';\n${imports}\nexport function C() {\n  return null;\n}\n`;
    // Type-only, in every path form, and a `type` specifier inside a run-time import.
    expect(await problems('app/fixture.tsx', client("import type { CheckResult } from '@/lib/verify/types';\nexport type R = CheckResult;"))).toEqual([
      '[client-lib]',
    ]);
    expect(await problems('app/(console)/fixture.tsx', client("import type { Plan } from '../../lib/provision/plan';\nexport type P = Plan;"))).toEqual([
      '[client-lib]',
    ]);
    expect(
      await problems(
        'components/fixture.tsx',
        client("import { coverage, type Coverage } from '@/lib/stats/coverage';\nexport const c: [typeof coverage, Coverage?] = [coverage];"),
      ),
    ).toEqual(['[client-lib]']);
    expect(await problems('components/fixture.tsx', client("import type { Budget } from '@/lib/storage/budgets';\nexport type B = Budget;"))).toEqual([
      '[client-lib]',
    ]);
    // A pure run-time function from the domain, and a top-level lib/*.ts module, even type-only: lib/model has them.
    expect(await problems('app/fixture.tsx', client("import { summaryLine } from '@/lib/verify/report';\nexport const s = summaryLine;"))).toEqual([
      '[client-lib]',
    ]);
    expect(await problems('app/fixture.tsx', client("import { linesToSend } from '../lib/data/import-check';\nexport const l = linesToSend;"))).toEqual([
      '[client-lib]',
    ]);
    expect(await problems('components/fixture.tsx', client("import type { Result } from '@/lib/result';\nexport type R = Result<number>;"))).toEqual([
      '[client-lib]',
    ]);
    // lib/client/ is browser code without the directive.
    expect(await problems('lib/client/fixture.ts', "import type { VerifyReport } from '../verify/types';\nexport type V = VerifyReport;\n")).toEqual([
      '[client-lib]',
    ]);
    expect(await problems('lib/client/fixture.ts', "import type { ConsoleError } from '../errors';\nexport type E = ConsoleError;\n")).toEqual([
      '[client-lib]',
    ]);
    // lib/model, lib/client, server actions, the screen's own parts: fine; so is a server component importing the domain.
    expect(
      await problems(
        'app/fixture.tsx',
        client(
          "import type { CheckResult } from '@/lib/model/verify';\nimport { coverage } from '@/lib/model/coverage';\nimport { keys } from '@/lib/client/query-keys';\nimport { createBucket } from '@/lib/actions/create-bucket';\nimport { DataTable } from '@/components/data-table';\nexport const c: [unknown, CheckResult?] = [[coverage, keys, createBucket, DataTable]];",
        ),
      ),
    ).toEqual([]);
    expect(
      await problems(
        'app/fixture.tsx',
        "import type { CheckResult } from '@/lib/verify/types';\nimport { coverage } from '@/lib/stats/coverage';\nexport const c: [unknown, CheckResult?] = [coverage];\n",
      ),
    ).toEqual([]);
  });
});
