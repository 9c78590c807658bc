/**
 * Runs once when the console server starts: refuses to start on a configuration error, prints
 * the admin password on first start, then starts storage sampling.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  (await import('./lib/process-guards')).installProcessGuards();
  const { startupProblem } = await import('./lib/startup');
  const problem = startupProblem();
  if (problem) {
    console.error(`\n  The console cannot start: ${problem.message}\n  Fix: ${problem.fix}\n`);
    process.exit(78); // EX_CONFIG
  }
  const { ensureAdminPassword } = await import('./lib/auth/credentials');
  const password = await ensureAdminPassword();
  if (password) {
    // Printed once: only its scrypt hash is kept (in the console data folder).
    console.log(`\n  Console admin password (shown once, keep it): ${password}\n  Set CONSOLE_ADMIN_PASSWORD to choose your own.\n`);
  }
  const { startSampler } = await import('./lib/use-cases/sample-storage');
  startSampler();
}
