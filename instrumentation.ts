/**
 * Runs once when the console server starts: routes console output through the JSON log when
 * LOG_FORMAT=json, refuses to start on a configuration error, hands over the admin password on
 * first start, then starts storage sampling and, when CONSOLE_BACKUP_SCHEDULE is set, scheduled backups;
 * last, warns once when the console's own InfluxDB token is all-access or operator.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log, routeConsoleThroughLog } = await import('./lib/log');
  routeConsoleThroughLog();
  (await import('./lib/process-guards')).installProcessGuards();
  const { startupProblem } = await import('./lib/startup');
  const problem = startupProblem();
  if (problem) {
    log.error(`The console cannot start: ${problem.message}`, { fix: problem.fix });
    process.exit(78); // EX_CONFIG
  }
  const { requireConfig } = await import('./lib/config');
  const config = requireConfig();
  await (await import('./lib/auth/first-password')).handOverAdminPassword(config);
  (await import('./lib/use-cases/start-sampler')).startSampler(config);
  (await import('./lib/use-cases/start-backup-scheduler')).startBackupScheduler(config);
  log.info('console started');
  // One warning line when the console's own token is all-access or operator (never the token itself).
  void (await import('./lib/use-cases/warn-when-console-token-broad')).warnWhenConsoleTokenBroad();
}
