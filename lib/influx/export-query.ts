import 'server-only';
import { flux, fluxExpression, type FluxTableMetaData } from '@influxdata/influxdb-client';
import { fieldTypeOfDatatype, lineOfRow, rfc3339ToNs, seriesPrefix, type FieldType, type StoredType } from '../model/line-protocol';
import { pointKey, RecentPoints, seriesKey } from '../model/point-keys';
import { QueryCancelled } from './cancelled';
import type { Connection } from './client';

export interface RowSelection {
  bucket: string;
  /** Empty: every measurement. */
  measurements: readonly string[];
  /** RFC 3339 UTC, start inclusive, stop exclusive. */
  start: string;
  stop: string;
}

function measurementFilter(measurements: readonly string[]) {
  // `==` joined by `or` is pushed down to the storage engine; `contains()` is not.
  return measurements.length === 0 ? fluxExpression('true') : fluxExpression(measurements.map((m) => flux`r._measurement == ${m}`.toString()).join(' or '));
}

/** The raw rows, one table per series and field: no pivot (it buffers in influxd and is slow). */
export function exportQuery(sel: RowSelection): string {
  return flux`from(bucket: ${sel.bucket})
  |> range(start: ${fluxExpression(sel.start)}, stop: ${fluxExpression(sel.stop)})
  |> filter(fn: (r) => ${measurementFilter(sel.measurements)})`.toString();
}

export interface LineChunk {
  /** Lines, each ended by a line break. */
  text: string;
  lines: number;
  /** Points first written in this chunk: distinct (series, time), whichever of their fields are lines. */
  points: number;
  /** Rows line protocol cannot hold, with the reason (a few, for the report). */
  unwritable: string[];
  unwritableRows: number;
}

const NOT_TAGS = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field', '_measurement']);
const CHUNK_CHARS = 256 * 1024;

interface TableShape {
  meta: FluxTableMetaData;
  table: number;
  measurement: number;
  field: number;
  value: number;
  time: number;
  tags: { label: string; index: number }[];
  type: FieldType | null;
}

function shapeOf(meta: FluxTableMetaData): TableShape {
  const at = (label: string) => meta.columns.findIndex((c) => c.label === label);
  const value = at('_value');
  return {
    meta,
    table: at('table'),
    measurement: at('_measurement'),
    field: at('_field'),
    value,
    time: at('_time'),
    tags: meta.columns.filter((c) => !NOT_TAGS.has(c.label)).map((c) => ({ label: c.label, index: c.index })),
    type: value >= 0 ? fieldTypeOfDatatype(meta.columns[value]?.dataType ?? '') : null,
  };
}

/**
 * Streams the rows of `sel` as line protocol, in chunks, pulling from InfluxDB only as fast as the
 * consumer takes chunks (the HTTP response is read through an async iterator). Stopping the
 * iteration, or `signal`, closes the response, which stops the query in influxd.
 */
export async function* exportLines(sel: RowSelection, conn: Connection, signal?: AbortSignal): AsyncGenerator<LineChunk> {
  const api = conn.query.getQueryApi({ org: conn.env.org, gzip: true });
  let shape: TableShape | null = null;
  let table = '';
  let prefix: string | null = null;
  /** The series of the current table (measurement and tags, no field), for the points seen (point-keys.ts). */
  let series = '';
  const recent = new RecentPoints();
  let points = 0;
  let skipReason = '';
  let text = '';
  let lines = 0;
  let unwritable: string[] = [];
  let unwritableRows = 0;
  for await (const { values, tableMeta } of api.iterateRows(exportQuery(sel))) {
    if (!shape || shape.meta !== tableMeta) {
      shape = shapeOf(tableMeta);
      table = '';
    }
    const tableId = values[shape.table] ?? '';
    if (tableId !== table || table === '') {
      table = tableId;
      const key = { measurement: values[shape.measurement] ?? '', tags: shape.tags.map((t) => [t.label, values[t.index] ?? ''] as const) };
      series = seriesKey(key.measurement, key.tags);
      const p = seriesPrefix({ ...key, field: values[shape.field] ?? '' });
      prefix = 'prefix' in p && shape.type ? p.prefix : null;
      skipReason = 'prefix' in p ? `the value type ${tableMeta.columns[shape.value]?.dataType ?? '?'} of ${values[shape.field] ?? ''}` : p.unwritable;
    }
    const value = values[shape.value] ?? '';
    // Storage never returns a null value: empty text is an empty string field.
    if (prefix === null || !shape.type || (value === '' && shape.type !== 'string')) {
      unwritableRows++;
      if (unwritable.length < 5 && !unwritable.includes(skipReason)) unwritable.push(skipReason);
      continue;
    }
    const time = values[shape.time] ?? '';
    text += lineOfRow(prefix, shape.type, value, time) + '\n';
    lines++;
    // The fields of a series come as tables one after another (storage orders series by key, the field last).
    if (recent.add(pointKey(series, time))) points++;
    if (text.length >= CHUNK_CHARS) {
      if (signal?.aborted) throw new QueryCancelled();
      yield { text, lines, points, unwritable, unwritableRows };
      text = '';
      lines = 0;
      points = 0;
      unwritable = [];
      unwritableRows = 0;
    }
  }
  if (signal?.aborted) throw new QueryCancelled();
  if (text || unwritableRows) yield { text, lines, points, unwritable, unwritableRows };
}

/** Go's time.Truncate counts from year 1: Flux windows need that offset to match shard groups. */
const YEAR_ONE_TO_EPOCH_S = 62_135_596_800;

/**
 * The type of every field already stored in each shard group of [startNs, stopNs): the first value
 * of each series in each shard-group window, read from the `_value` datatype of its table.
 */
export async function storedFieldTypes(
  bucket: string,
  measurements: readonly string[],
  startNs: bigint,
  stopNs: bigint,
  shardGroupSeconds: number,
  conn: Connection,
): Promise<StoredType[]> {
  const offset = (shardGroupSeconds - (YEAR_ONE_TO_EPOCH_S % shardGroupSeconds)) % shardGroupSeconds;
  const query = flux`from(bucket: ${bucket})
  |> range(start: time(v: ${fluxExpression(String(startNs))}), stop: time(v: ${fluxExpression(String(stopNs))}))
  |> filter(fn: (r) => ${measurementFilter(measurements)})
  |> window(every: ${fluxExpression(`${shardGroupSeconds}s`)}, offset: ${fluxExpression(`${offset}s`)})
  |> first()`.toString();
  const api = conn.query.getQueryApi({ org: conn.env.org, gzip: true });
  const seen = new Map<string, StoredType>();
  for await (const { values, tableMeta } of api.iterateRows(query)) {
    const get = (label: string) => values[tableMeta.column(label).index] ?? '';
    const type = fieldTypeOfDatatype(tableMeta.column('_value').dataType);
    if (!type) continue;
    const measurement = get('_measurement');
    const field = get('_field');
    const shardGroupNs = BigInt(rfc3339ToNs(get('_start')));
    seen.set(`${measurement}\u0000${field}\u0000${shardGroupNs}\u0000${type}`, { measurement, field, shardGroupNs, type });
  }
  return [...seen.values()];
}
