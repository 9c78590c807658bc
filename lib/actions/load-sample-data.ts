'use server';

import { DEFAULT_SAMPLE, loadSample } from '../aggregates/load-sample';
import { attempt } from '../influx/attempt';
import { fail } from '../result';
import { activeSpec } from '../spec/load';
import { forgetStats } from '../stats/stats-commands';

/** Writes the default sample aggregates (90 days, 52 weeks, 10 entities) into the spec's buckets. */
export async function loadSampleData() {
  const spec = activeSpec();
  if (!spec.ok) return fail(spec.error);
  const result = await attempt(() => loadSample(spec.data, { ...DEFAULT_SAMPLE }));
  forgetStats();
  return result;
}
