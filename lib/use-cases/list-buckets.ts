import 'server-only';
import type { BucketRow } from '../model/bucket';
import type { Result } from '../result';
import { withInflux } from './context';

/** Every bucket of the configured organization, all pages, marked when the spec names it. */
export function listBuckets(): Promise<Result<BucketRow[]>> {
  return withInflux(async ({ spec, influx }) => {
    const managed = new Set(spec.buckets.map((b) => b.name));
    return (await influx.buckets()).map((b) => ({ ...b, managed: managed.has(b.name) }));
  });
}
