// Bundles the CLI (cli/main.ts) into one file that plain `node` runs, without tsx or the repository:
//   node scripts/build-cli.mjs [OUTFILE]     (default dist/cli/homeiq-console.cjs; `npm run build:cli`)
// better-sqlite3 stays outside (a native module): it is resolved from the node_modules beside the file,
// which the standalone build has (Next.js traces it), so the bundle is copied into .next/standalone.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}dist/cli/homeiq-console.cjs`;

await build({
  entryPoints: [`${root}cli/main.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  // The oldest Node the project supports (package.json engines); the image runs 24.
  target: 'node20.19',
  format: 'cjs',
  // As `npm run cli` runs it (tsx --conditions=react-server): `server-only` resolves to its empty module.
  conditions: ['react-server'],
  external: ['better-sqlite3'],
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
process.stderr.write(`[build:cli] ${outfile}\n`);
