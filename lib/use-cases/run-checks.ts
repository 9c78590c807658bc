import 'server-only';
import type { Actor } from '../auth/actor';
import { ConsoleFailure } from '../errors';
import { unknownCheck } from '../messages';
import type { Result } from '../result';
import { loadLastReport, saveLastReport } from '../verify/last-report';
import { errorText, log } from '../log';
import { alertOnVerify } from './shared/alerting';
import { isCheckId, runChecks as run } from '../verify/run';
import type { CheckResult, VerifyReport } from '../verify/types';
import { verify } from '../verify/verify';
import { recordChange, withConnection } from './context';
import { statsService } from '../stats/service';

export interface RunChecksOptions {
  /** Reruns one check (and, silently, what it depends on); the last report is kept as it was. */
  only?: string;
  onResult?: (result: CheckResult) => void;
  /** Waits for the alerts the run causes to be delivered (the CLI, which exits after it); the web answers at once. */
  waitForAlerts?: boolean;
}

/**
 * The verification suite: each result as it completes, then the report, which is kept for the
 * Overview. It writes (the probe) and saves, so it is an admin's (or the CLI's) operation.
 */
export function runChecks(actor: Actor, opts: RunChecksOptions = {}): Promise<Result<VerifyReport | null>> {
  return withConnection(async ({ config, spec, conn }) => {
    const record = (entry: Parameters<typeof recordChange>[1]) => recordChange(actor, entry, { changed: false });
    const onResult = opts.onResult ?? (() => {});
    if (opts.only !== undefined) {
      if (!isCheckId(spec, opts.only)) throw new ConsoleFailure(unknownCheck(opts.only));
      for await (const result of run(spec, { only: opts.only, conn, record })) onResult(result);
      return null;
    }
    // Details read behind the screens' counts wait for the suite (its checks count and read too).
    const report = await statsService.inForeground(() => verify(spec, onResult, conn, record));
    const previous = loadLastReport();
    saveLastReport(report);
    // Regressions go to the webhook; on the web without holding up the report.
    const alerting = alertOnVerify(config, previous, report).catch((e: unknown) => log.error('alerts: verify evaluation failed', { error: errorText(e) }));
    if (opts.waitForAlerts) await alerting;
    return report;
  });
}
