import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Node that runs the built console in these tests: this one, or the image's (scripts/test.sh sets
 * HOMEIQ_TEST_NODE to Node 24 and HOMEIQ_TEST_NODE_SQLITE to better-sqlite3 compiled for it).
 */
export const testNode = {
  path: process.env.HOMEIQ_TEST_NODE || process.execPath,
  sqlite: process.env.HOMEIQ_TEST_NODE_SQLITE || null,
  major: process.env.HOMEIQ_TEST_NODE_MAJOR || null,
};

/** The standalone build (`npm run build`, or scripts/lib.sh's ensure_next_build), when there is one. */
export const standalone = process.env.HOMEIQ_TEST_STANDALONE || join(repo, '.next', 'standalone');
export const hasStandalone = existsSync(join(standalone, 'server.js')) && existsSync(join(standalone, 'cli', 'homeiq-console.cjs'));

/**
 * A copy of the image's /app in a temporary folder, outside the repository: the standalone output
 * (server, static files, traced node_modules, cli/homeiq-console.cjs). Without a standalone build,
 * only a fresh CLI bundle and the packages better-sqlite3 needs at run time.
 */
export function layOutApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeiq-console-app-'));
  if (hasStandalone) {
    cpSync(standalone, dir, { recursive: true, verbatimSymlinks: true });
  } else {
    mkdirSync(join(dir, 'cli'));
    execFileSync(process.execPath, [join(repo, 'scripts', 'build-cli.mjs'), join(dir, 'cli', 'homeiq-console.cjs')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 120_000,
    });
    const need = ['better-sqlite3'];
    for (const name of need) {
      const pkg = dirname(createRequire(join(repo, 'package.json')).resolve(`${name}/package.json`));
      cpSync(pkg, join(dir, 'node_modules', name), {
        recursive: true,
        filter: (src) => !src.startsWith(join(pkg, 'deps')) && !src.startsWith(join(pkg, 'src')) && !src.includes(`${join('build', 'Release', 'obj')}`),
      });
      const deps = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
      for (const dep of Object.keys(deps)) if (!need.includes(dep)) need.push(dep);
    }
  }
  // The other Node's ABI differs: its own build of better-sqlite3 replaces the one compiled for this Node.
  if (testNode.sqlite) copyFileSync(testNode.sqlite, join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  return dir;
}
