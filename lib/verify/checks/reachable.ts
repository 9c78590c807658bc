import { getHealth } from '../../influx/health';
import { failed, pass, type Check } from '../types';

export const reachable: Check = {
  id: 'influx-reachable',
  title: 'InfluxDB is reachable (/health)',
  dependsOn: [],
  async run(ctx) {
    const health = await getHealth(ctx.conn);
    ctx.health = health;
    if (health.status !== 'pass') return failed(`/health answers "${health.status}": ${health.message || 'no message'}.`, 'Check the influxd log; the server is up but unhealthy.');
    return pass(`${ctx.conn.env.url} answers /health with "pass".`);
  },
};
