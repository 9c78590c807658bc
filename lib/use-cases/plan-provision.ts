import 'server-only';
import { readPlan } from '../provision/apply';
import type { Plan } from '../provision/plan';
import type { Result } from '../result';
import { withSpec } from './context';
import { connection } from '../influx/client';
import { InfluxError } from '../errors';

/** The plan that brings the configured organization to the spec: nothing is changed. */
export function planProvision(): Promise<Result<Plan>> {
  return withSpec(({ config, spec }) => {
    if (!config.influx.ok) throw new InfluxError(config.influx.error);
    return readPlan(spec, connection(config.influx.data));
  });
}
