import { diagnose } from '../../influx/diagnose';
import { ConsoleFailure } from '../../errors';
import { failed, pass, type Check } from '../types';

/** Runs the connection diagnosis the Overview shows; the next two checks read its answer. */
export const reachable: Check = {
  id: 'influx-reachable',
  title: 'InfluxDB is reachable (/health)',
  dependsOn: [],
  async run(ctx) {
    const status = await diagnose(ctx.conn);
    ctx.connection = status;
    if (status.health === null) throw new ConsoleFailure(status.error ?? { code: 'unreachable', message: 'InfluxDB did not answer /health.', fix: '' });
    if (status.health !== 'pass')
      return failed(`/health answers "${status.health}": ${status.healthMessage || 'no message'}.`, 'Check the influxd log; the server is up but unhealthy.');
    return pass(`${ctx.conn.env.url} answers /health with "pass".`);
  },
};
