import 'server-only';
import { toConsoleError } from '../influx/errors';
import { fail, ok, type Result } from '../result';
import type { BucketStats } from '../stats/bucket-stats';
import { storageReport, type StorageReport } from '../storage/report';
import { withInflux } from './context';
import type { StatsOptions } from '../stats/service';
import { statsOf } from './shared/stats';

/**
 * `cli stats`: counts brought up to date now (or recounted whole with `mode: 'full'`), with bytes on disk and the projection. The
 * counts stand on their own when the storage part fails (/metrics off, say).
 */
export function readStatsAndStorage(
  only?: string,
  opts: StatsOptions = { mode: 'fresh' },
): Promise<Result<{ stats: BucketStats[]; storage: Result<StorageReport> }>> {
  return withInflux(async (ctx) => {
    const stats = await statsOf(ctx, only, opts);
    const storage = await storageReport(ctx.influx, stats, '24h').then(ok, (e: unknown) => fail<StorageReport>(toConsoleError(e)));
    return { stats, storage };
  });
}
