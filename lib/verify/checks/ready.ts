import { InfluxError } from '../../errors';
import { failed, pass, type Check } from '../types';

export const ready: Check = {
  id: 'influx-ready',
  title: 'InfluxDB is ready (/ready) and version 2.x',
  dependsOn: ['influx-reachable'],
  async run(ctx) {
    const status = ctx.connection;
    if (!status || status.ready === null) throw new InfluxError(status?.error ?? { code: 'unreachable', message: 'InfluxDB did not answer /ready.', fix: '' });
    const version = status.version ?? 'unknown';
    if (!status.ready) return failed('/ready does not answer "ready".', 'InfluxDB is still starting: wait a few seconds and rerun.');
    if (status.error?.code === 'invalid') return failed(`The server reports version ${version}.`, status.error.fix);
    const up = status.up.replace(/(\d+\.\d)\d*s$/, '$1s');
    return pass(`Ready for ${up || 'a while'}; version ${version}.`);
  },
};
