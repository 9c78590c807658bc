import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@': root,
  // lib/ marks server modules with `server-only`; tests and the CLI run them on the server too.
  'server-only': fileURLToPath(new URL('./tests/support/server-only.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'cli/**/*.test.ts',
            'components/**/*.test.ts',
            'deploy/**/*.test.ts',
            'tools/**/*.test.ts',
            'tests/support/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          // Needs a real influxd: the global setup starts one for the run and stops it after.
          include: ['tests/influxd/**/*.test.ts'],
          globalSetup: ['tests/support/influxd-global-setup.ts'],
          setupFiles: ['tests/support/influxd-env.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
