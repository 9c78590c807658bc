import 'server-only';
import type { ConsoleConfig } from '../config';
import { log } from '../log';
import { evaluateAlerts } from './shared/alerting';
import { takeStorageSample } from './shared/storage-sample';

const KEY = Symbol.for('homeiq-influx-console.sampler');

/** Starts sampling in the background once per process, with the configuration the server's instrumentation hook parsed. */
export function startSampler(config: ConsoleConfig): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY] || !config.sampler) return;
  // ±10 % jitter: consoles started together do not scrape /metrics in step.
  const next = () => {
    const timer = setTimeout(() => void tick(config).finally(next), config.sampleIntervalMs * (0.9 + Math.random() * 0.2));
    timer.unref();
    g[KEY] = timer;
  };
  g[KEY] = true;
  void tick(config).finally(next);
}

/** One round of the background work: a storage sample, then the alerts that depend on it. */
async function tick(config: ConsoleConfig): Promise<void> {
  await takeStorageSample(Date.now());
  await evaluateAlerts(config).catch((e: unknown) => log.error('alerts: evaluation failed', { error: e instanceof Error ? e.message : String(e) }));
}
