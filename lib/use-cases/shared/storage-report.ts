import 'server-only';
import { consoleError } from '../../errors';
import { fail, type Result } from '../../result';
import { processMemo } from '../../stats/memo';
import { isRange, RANGES, type RangeKey } from '../../storage/ranges';
import { storageReport, type StorageReport } from '../../storage/report';
import { withInflux } from '../context';
import { statsOf } from './stats';

/**
 * The report moves with the one-minute samples: a few seconds of reuse absorbs polling. It costs
 * InfluxDB one /metrics scrape; its record counts come from the stats cache.
 */
const memo = processMemo<StorageReport>('storage', 5_000);

/** Bytes on disk over `range`, records, projections and budgets of the spec's buckets (the Storage screen, budget alerts). */
export function storageOf(range: string): Promise<Result<StorageReport>> {
  if (!isRange(range)) return Promise.resolve(fail(consoleError('invalid', `Range must be one of ${Object.keys(RANGES).join(', ')}.`)));
  return withInflux(
    (ctx) => memo(`${ctx.influx.conn.env.url}|${ctx.influx.org.id}|${range}`, async () => storageReport(ctx.influx, await statsOf(ctx), range as RangeKey)),
    { shareBucketList: true },
  );
}
