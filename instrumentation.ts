/** Runs once when the console server starts: the admin password on first start, then storage sampling. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  (await import('./lib/process-guards')).installProcessGuards();
  const { ensureAdminPassword } = await import('./lib/auth/credentials');
  const password = await ensureAdminPassword();
  if (password) {
    // Printed once: only its scrypt hash is kept (in the console data folder).
    console.log(`\n  Console admin password (shown once, keep it): ${password}\n  Set CONSOLE_ADMIN_PASSWORD to choose your own.\n`);
  }
  if (process.env.CONSOLE_SAMPLER !== 'off') {
    const { startSampler } = await import('./lib/storage/sampler');
    startSampler();
  }
}
