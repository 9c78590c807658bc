import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import house from './tools/eslint/boundaries.mjs';

/** Files the import-graph rule leaves alone for now, each with the checks it skips and why. */
const BOUNDARY_DEBTS = {};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'dist/**', 'node_modules/**', 'bench/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    // lib/influx/ is the one gateway to InfluxDB: nothing else imports the client libraries.
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    ignores: ['lib/influx/**', 'tests/**', 'e2e/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@influxdata/*'], message: 'Only lib/influx/ talks to InfluxDB: add a typed operation there and call it.' }] },
      ],
    },
  },
  {
    // The import graph (tools/eslint/boundaries.mjs): every import resolved to a file, whatever its form.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'cli/**/*.ts', 'lib/**/*.{ts,tsx}'],
    plugins: { house },
    rules: { 'house/boundaries': ['error', { allow: BOUNDARY_DEBTS }] },
  },
];
export default config;
