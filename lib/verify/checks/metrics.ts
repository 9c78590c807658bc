import { fetchMetrics } from '../../influx/metrics';
import { pass, warn, type Check } from '../types';

export const metrics: Check = {
  id: 'influx-metrics',
  title: 'Prometheus /metrics is reachable (storage monitoring)',
  dependsOn: ['influx-reachable'],
  async run(ctx) {
    const m = await fetchMetrics(ctx.conn);
    if (m.kind === 'disabled') {
      return warn(
        `/metrics answers ${m.status}: metrics are disabled, so storage growth in bytes cannot be monitored.`,
        'Start influxd without --metrics-disabled (or set metrics-disabled: false in its config).',
      );
    }
    return pass(`/metrics answers with ${m.text.split('\n').filter((l) => l && !l.startsWith('#')).length} samples.`);
  },
};
