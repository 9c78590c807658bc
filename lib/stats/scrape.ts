import 'server-only';
import type { Connection } from '../influx/client';
import { fetchMetrics } from '../influx/metrics';
import { parsePrometheus, type PromFamily } from '../influx/prometheus';
import { REJECTION_METRICS } from '../insights/rejected';
import { SIGNALS } from './change-signal';
import { processCache } from './memo';
import { errorText, log } from '../log';

export interface Scrape {
  families: ReadonlyMap<string, PromFamily>;
  /** Unix ms, when it was asked for. */
  at: number;
  /** Unix ms, when the answer had arrived. */
  receivedAt: number;
}

/** One /metrics scrape (per server) serves every bucket refreshed within `maxAgeMs` (default REUSE_MS). */
export const REUSE_MS = 5_000;

class Scrapes {
  readonly byUrl = new Map<string, { at: number; scrape: Promise<Scrape | null> }>();
  clear(): void {
    this.byUrl.clear();
  }
}

const scrapes = processCache('metrics-scrapes', () => new Scrapes());

/**
 * The samples a scrape keeps: the shard signals (change-signal.ts), influxd's uptime (its restarts)
 * and the rejections (insights/rejected.ts). The rest is most of /metrics (about 35 lines per shard),
 * and influxd keeps reporting a dropped shard's until it restarts: /metrics grew by 0.5 MB with each
 * backup restored and removed again at 100,000 points, and every scrape parsed all of it.
 */
export const SCRAPED_METRICS: ReadonlySet<string> = new Set([...Object.keys(SIGNALS), 'influxdb_uptime_seconds', ...REJECTION_METRICS]);

/** InfluxDB's /metrics, parsed (the samples of SCRAPED_METRICS); null when it is disabled or unreadable (then there is no change signal). */
export function scrapeMetrics(conn: Connection, maxAgeMs: number = REUSE_MS): Promise<Scrape | null> {
  const url = conn.env.url;
  const hit = scrapes.byUrl.get(url);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.scrape;
  const at = Date.now();
  const scrape = fetchMetrics(conn).then(
    (m) => (m.kind === 'ok' ? { families: parsePrometheus(m.text, (name) => SCRAPED_METRICS.has(name)), at, receivedAt: Date.now() } : null),
    (e: unknown) => {
      log.warn('stats: /metrics unreadable, locating changes by series counts instead', { error: errorText(e) });
      scrapes.byUrl.delete(url);
      return null;
    },
  );
  scrapes.byUrl.set(url, { at, scrape });
  return scrape;
}
