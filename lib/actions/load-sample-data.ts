'use server';

import { DEFAULT_SAMPLE, loadSample } from '../aggregates/load-sample';
import { audit } from '../audit/log';
import { adminAction } from '../auth/guard';
import { attempt } from '../influx/attempt';
import { fail } from '../result';
import { activeSpec } from '../spec/load';
import { forgetCachedReads } from '../stats/memo';

/** Writes the default sample aggregates (90 days, 52 weeks, 10 entities) into the spec's buckets. */
export const loadSampleData = adminAction(async (_input: void, actor) => {
  const spec = activeSpec();
  if (!spec.ok) return fail(spec.error);
  const result = await attempt(() => loadSample(spec.data, { ...DEFAULT_SAMPLE }));
  forgetCachedReads();
  audit(actor, { action: 'sample.load', bucket: spec.data.buckets.map((b) => b.name).join(', '), before: null, after: result.ok ? { points: result.data.points, ...DEFAULT_SAMPLE } : null, result: result.ok ? 'ok' : 'failed', message: result.ok ? '' : result.error.message });
  return result;
});
