import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** Domain folders the gateway (lib/influx) must not import: it knows InfluxDB, not the console's rules. */
const DOMAIN = ['actions', 'aggregates', 'audit', 'auth', 'provision', 'spec', 'stats', 'storage', 'use-cases', 'verify'];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'dist/**', 'node_modules/**', 'bench/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    // lib/influx/ is the one gateway to InfluxDB: nothing else imports the client libraries.
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    ignores: ['lib/influx/**', 'tests/**', 'e2e/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@influxdata/*'], message: 'Only lib/influx/ talks to InfluxDB: add a typed operation there and call it.' }] }],
    },
  },
  {
    files: ['lib/influx/**/*.ts'],
    ignores: ['lib/influx/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: DOMAIN.map((d) => `../${d}/*`).concat(DOMAIN.map((d) => `../../${d}/*`)), message: 'The gateway imports nothing from the domain: pass plain values in, return plain data out.' }] }],
    },
  },
];
export default config;
