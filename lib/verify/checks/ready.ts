import { diagnosis, failed, pass, type Check } from '../types';

export const ready: Check = {
  id: 'influx-ready',
  title: 'InfluxDB is ready (/ready) and version 2.x',
  dependsOn: ['influx-reachable'],
  async run(ctx) {
    const status = diagnosis(ctx, (s) => s.ready !== null, '/ready');
    const version = status.version ?? 'unknown';
    if (!status.ready) return failed('/ready does not answer "ready".', 'InfluxDB is still starting: wait a few seconds and rerun.');
    if (status.error?.code === 'invalid') return failed(`The server reports version ${version}.`, status.error.fix);
    const up = status.up.replace(/(\d+\.\d)\d*s$/, '$1s');
    return pass(`Ready for ${up || 'a while'}; version ${version}.`);
  },
};
