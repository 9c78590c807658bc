import 'server-only';
import type { FluxTableMetaData } from '@influxdata/influxdb-client';
import { QueryCancelled } from './cancelled';
import type { Connection } from './client';

export type FluxRow = Record<string, unknown>;

export { QueryCancelled };

/**
 * Runs a Flux query in the configured organization and returns its rows as objects.
 * `signal` cancels the HTTP request (InfluxDB stops the query when the connection closes);
 * a cancelled query rejects rather than returning the rows read so far.
 */
export async function queryRows(flux: string, conn: Connection, signal?: AbortSignal): Promise<FluxRow[]> {
  if (signal?.aborted) throw new QueryCancelled();
  const api = conn.query.getQueryApi({ org: conn.env.org, gzip: true });
  const rows: FluxRow[] = [];
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      api.queryRows(flux, {
        next(values: string[], meta: FluxTableMetaData) {
          rows.push(meta.toObject(values));
        },
        error: reject,
        complete: resolve,
        useCancellable(cancellable) {
          onAbort = () => cancellable.cancel();
          signal?.addEventListener('abort', onAbort, { once: true });
        },
      });
    });
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw new QueryCancelled();
  return rows;
}
