/** Runs once when the console server starts: begins sampling InfluxDB's storage metrics. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.CONSOLE_SAMPLER !== 'off') {
    const { startSampler } = await import('./lib/storage/sampler');
    startSampler();
  }
}
