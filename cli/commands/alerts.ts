import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../../lib/auth/actor';
import { sendTestAlert } from '../../lib/use-cases/send-test-alert';
import { EXIT, printError, printJson, UsageError } from '../output';

/** `alerts test [--json]`: one test alert through CONSOLE_ALERT_WEBHOOK_URL; exit 0 when the webhook answered 2xx. */
export async function alertsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals[0] !== 'test' || positionals.length !== 1) throw new UsageError('alerts takes one subcommand: test');
  const result = await sendTestAlert(CLI_ACTOR);
  if (values.json) {
    printJson(result.ok ? { ok: true, status: result.data.status, attempts: result.data.attempts } : { ok: false, error: result.error });
    return result.ok ? EXIT.ok : EXIT.failed;
  }
  if (!result.ok) {
    printError(result.error);
    return EXIT.failed;
  }
  process.stdout.write(
    `test alert delivered: the webhook answered HTTP ${result.data.status} (${result.data.attempts} attempt${result.data.attempts === 1 ? '' : 's'})\n`,
  );
  return EXIT.ok;
}
