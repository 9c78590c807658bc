import 'server-only';
import type { FluxTableMetaData } from '@influxdata/influxdb-client';
import { connection, type Connection } from './client';

export type FluxRow = Record<string, unknown>;

/** Runs a Flux query in the configured organization and returns its rows as objects. */
export async function queryRows(flux: string, conn: Connection = connection()): Promise<FluxRow[]> {
  const api = conn.query.getQueryApi({ org: conn.env.org, gzip: true });
  const rows: FluxRow[] = [];
  await new Promise<void>((resolve, reject) => {
    api.queryRows(flux, {
      next(values: string[], meta: FluxTableMetaData) {
        rows.push(meta.toObject(values));
      },
      error: reject,
      complete: resolve,
    });
  });
  return rows;
}
