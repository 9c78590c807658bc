import { guardTerminal } from './output';
import { runCli } from './run';

guardTerminal();

/** Exits once stdout has been written out: process.exit() drops what a pipe has not taken yet (JSON over 64 kB). */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

runCli(process.argv.slice(2)).then(exitAfterOutput, (e: unknown) => {
  process.stderr.write(`error: unexpected failure (${e instanceof Error ? e.name : 'unknown'}); rerun, and report it if it persists.\n`);
  exitAfterOutput(1);
});
