import { getReady, isVersion2 } from '../../influx/health';
import { failed, pass, type Check } from '../types';

export const ready: Check = {
  id: 'influx-ready',
  title: 'InfluxDB is ready (/ready) and version 2.x',
  dependsOn: ['influx-reachable'],
  async run(ctx) {
    const r = await getReady(ctx.conn);
    const version = ctx.health?.version ?? 'unknown';
    if (!r.ready) return failed('/ready does not answer "ready".', 'InfluxDB is still starting: wait a few seconds and rerun.');
    if (!isVersion2(version)) return failed(`The server reports version ${version}.`, 'Point INFLUXDB_URL at an InfluxDB 2.x server.');
    const up = r.up.replace(/(\d+\.\d)\d*s$/, '$1s');
    return pass(`Ready for ${up || 'a while'}; version ${version}.`);
  },
};
