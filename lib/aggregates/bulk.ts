import type { ConsoleSpec, MeasurementSpec } from '../spec/schema';
import { toLine, type FieldValue } from '../model/line-protocol';

/**
 * A large synthetic data set in the AI-5 wire format, for benchmarks: `total` points spread
 * evenly over every measurement of the spec, each point a distinct entity and period (as
 * HomeIQ's date/week/month tags make them), within the last `days` days.
 */
export interface BulkOptions {
  total: number;
  days: number;
  now?: number;
  /** Entity names start with this (default `e`): another prefix writes new series. */
  entityPrefix?: string;
}

function fieldValue(type: MeasurementSpec['fields'][string], i: number): FieldValue {
  switch (type) {
    case 'integer':
      return { type: 'integer', value: i % 1000 };
    case 'float':
      return { type: 'float', value: (i % 997) / 997 };
    case 'string':
      return { type: 'string', value: ['low', 'medium', 'high'][i % 3] ?? 'low' };
    case 'json':
      return { type: 'string', value: `[${i % 24},${(i + 7) % 24}]` };
  }
}

/** Yields batches of line protocol, per bucket, `batchSize` lines each. */
export function* bulkLines(spec: ConsoleSpec, opts: BulkOptions, batchSize = 10_000): Generator<{ bucket: string; lines: string[] }> {
  const now = opts.now ?? Date.now();
  const today = Math.floor(now / 86_400_000) * 86_400_000;
  const measurements = spec.buckets.flatMap((b) => b.measurements.map((m) => ({ bucket: b.name, m })));
  const perMeasurement = Math.ceil(opts.total / measurements.length);
  let left = opts.total;
  for (const { bucket, m } of measurements) {
    let batch: string[] = [];
    const entities = Math.ceil(perMeasurement / opts.days);
    for (let i = 0; i < perMeasurement && left > 0; i++, left--) {
      const day = i % opts.days;
      const entity = Math.floor(i / opts.days) % entities;
      const ts = today - day * 86_400_000;
      const period = new Date(ts).toISOString().slice(0, 10);
      const tags: Record<string, string> = {};
      for (const t of m.tags) tags[t] = t === 'date' || t === 'week' || t === 'month' ? period : `${t}.${opts.entityPrefix ?? 'e'}${entity}`;
      const fields: Record<string, FieldValue> = {};
      for (const [name, type] of Object.entries(m.fields)) fields[name] = fieldValue(type, i);
      batch.push(toLine(m.name, tags, fields, BigInt(ts) * 1_000_000n));
      if (batch.length === batchSize) {
        yield { bucket, lines: batch };
        batch = [];
      }
    }
    if (batch.length) yield { bucket, lines: batch };
  }
}
