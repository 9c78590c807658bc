import { toConsoleError } from '../../influx/errors';
import { queryProbe } from '../../influx/probe';
import type { BucketSpec } from '../../spec/schema';
import { failed, pass, type Check } from '../types';

export function bucketRead(b: BucketSpec): Check {
  return {
    id: `bucket-read:${b.name}`,
    title: `The token can read ${b.name}`,
    dependsOn: [`bucket-exists:${b.name}`],
    async run(ctx) {
      try {
        await queryProbe(b.name, ctx.conn);
      } catch (e) {
        const error = toConsoleError(e);
        if (error.code === 'unreachable') throw e;
        return failed(
          `A Flux query on the bucket was refused: ${error.message}`,
          'Use a token with read permission on this bucket (influx auth create --read-bucket <bucket id>).',
        );
      }
      return pass('A Flux query on the bucket runs.');
    },
  };
}
