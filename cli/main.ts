import { runCli } from './run';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: unexpected failure (${e instanceof Error ? e.name : 'unknown'}); rerun, and report it if it persists.\n`);
    process.exit(1);
  },
);
