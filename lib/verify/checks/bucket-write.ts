import { randomBytes } from 'node:crypto';
import { toConsoleError } from '../../influx/errors';
import type { BucketSpec } from '../../spec/schema';
import { deleteProbe, PROBE_MEASUREMENT, probePoints, writeProbe } from '../../influx/probe';
import { errorText, log } from '../../log';
import { acknowledgeOwnWrite } from '../../stats/incremental';
import { scrapeMetrics } from '../../stats/scrape';
import { failed, pass, type Check } from '../types';

/**
 * Writes one probe point in the console's reserved measurement, reads it back, deletes it,
 * and makes sure it is gone: the check leaves no data behind and touches nothing else.
 */
export function bucketWrite(b: BucketSpec): Check {
  return {
    id: `bucket-write:${b.name}`,
    title: `The token can write to ${b.name}`,
    dependsOn: [`bucket-exists:${b.name}`],
    async run(ctx) {
      const probeId = randomBytes(8).toString('hex');
      const now = Date.now();
      const start = new Date(now - 1000).toISOString();
      const stop = new Date(now + 1000).toISOString();
      const record = (result: 'ok' | 'failed', message: string) =>
        ctx.record({
          action: 'verify.probe-write',
          bucket: b.name,
          before: null,
          after: { measurement: PROBE_MEASUREMENT, probe_id: probeId, deleted: result === 'ok' },
          result,
          message,
        });
      // The shard states just before the probe: the counts then know what it alone changed.
      const before = await scrapeMetrics(ctx.conn, 0);
      try {
        await writeProbe(b.name, probeId, now, ctx.conn);
      } catch (e) {
        const error = toConsoleError(e);
        record('failed', `probe write refused: ${error.message}`);
        return failed(
          `Writing a probe point was refused: ${error.message}`,
          error.code === 'forbidden' || error.code === 'unauthorized'
            ? 'Use a token with write permission on this bucket (influx auth create --write-bucket <bucket id>); HomeIQ writes its aggregates with it.'
            : error.fix,
        );
      }
      const problems: string[] = [];
      try {
        const found = await probePoints(b.name, probeId, now, ctx.conn);
        if (found !== 1) problems.push(`reading the probe back found ${found} points`);
      } catch (e) {
        problems.push(`reading the probe back failed (${toConsoleError(e).message})`);
      }
      try {
        await deleteProbe(b.name, probeId, start, stop, ctx.conn);
        if ((await probePoints(b.name, probeId, now, ctx.conn)) > 0) problems.push('the probe point was still there after the delete');
      } catch (e) {
        problems.push(
          `deleting the probe failed (${toConsoleError(e).message}); remove it with: influx delete --bucket ${b.name} --start ${start} --stop ${stop} --predicate '_measurement="${PROBE_MEASUREMENT}"'`,
        );
      }
      // Tell the record counts it was the probe: otherwise its write, which leaves no series behind, is a write they cannot place.
      const bucket = ctx.buckets.get(b.name);
      if (bucket)
        await acknowledgeOwnWrite(ctx.conn.env.url, bucket, now, before, (maxAgeMs) => scrapeMetrics(ctx.conn, maxAgeMs)).catch((e: unknown) =>
          log.warn('verify: the probe write was not acknowledged to the counts', { bucket: b.name, error: errorText(e) }),
        );
      record(problems.length ? 'failed' : 'ok', problems.length ? problems.join('; ') : 'probe point written, read back and deleted');
      if (problems.length) return failed(`Wrote a probe point, but ${problems.join('; ')}.`, 'Give the token read and write permission on this bucket.');
      return pass('Wrote a probe point, read it back and deleted it: writes work and nothing was left behind.');
    },
  };
}
