import 'server-only';
import type { Actor } from '../auth/actor';
import { consoleError, ConsoleFailure } from '../errors';
import type { Result } from '../result';
import type { DeliveryResult } from '../alerts/webhook';
import { recordChange, withSpec } from './context';
import { send } from './shared/alerting';

/** "Send test alert" and `cli alerts test`: one test message through the configured webhook, audit-logged. */
export async function sendTestAlert(actor: Actor): Promise<Result<DeliveryResult>> {
  const result = await withSpec(async ({ config }) => {
    const url = config.alertWebhookUrl;
    if (!url)
      throw new ConsoleFailure(
        consoleError(
          'config',
          'No alert webhook is configured.',
          'Set CONSOLE_ALERT_WEBHOOK_URL to the URL of your webhook (a Slack or Discord incoming webhook, or any HTTP endpoint taking JSON) and restart the console.',
        ),
      );
    const sent = await send(url, null, {
      event: 'test',
      key: 'test',
      kind: 'test',
      title: 'The console can reach its alert webhook',
      message: 'Nothing is wrong: this is the test alert sent from the Alerts screen or `cli alerts test`.',
      at: new Date().toISOString(),
    });
    if (!sent.ok)
      throw new ConsoleFailure(
        consoleError(
          'unreachable',
          `The test alert was not delivered: ${sent.error} (after ${sent.attempts} attempts).`,
          'Check CONSOLE_ALERT_WEBHOOK_URL and that the console can reach it; the Alerts screen lists each delivery.',
        ),
      );
    return sent;
  });
  recordChange(
    actor,
    {
      action: 'alerts.test',
      bucket: null,
      before: null,
      after: result.ok ? { status: result.data.status, attempts: result.data.attempts } : null,
      result: result.ok ? 'ok' : 'failed',
      message: result.ok ? '' : result.error.message,
    },
    { changed: false },
  );
  return result;
}
