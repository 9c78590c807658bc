/**
 * `/api/health`: what a container healthcheck and an operator need, and nothing secret. The
 * console can serve while its database is writable; InfluxDB down or the sampler failing make
 * it `degraded` (it still answers, with the cause on each screen), its database not writable
 * makes it `down` (sign-in, sessions and the audit log need it).
 */
export type CheckStatus = 'ok' | 'degraded' | 'down' | 'off';

export interface HealthCheck {
  status: CheckStatus;
  /** What is wrong, for a person; absent when all is well. */
  message?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: { database: HealthCheck; influxdb: HealthCheck & { latencyMs?: number; version?: string }; sampler: HealthCheck & { lastSampleAt?: string | null } };
}

export function overall(checks: HealthReport['checks']): HealthReport['status'] {
  if (checks.database.status === 'down') return 'down';
  const rest = [checks.influxdb.status, checks.sampler.status];
  return rest.some((s) => s === 'down' || s === 'degraded') ? 'degraded' : 'ok';
}

/** 503 only when the console cannot serve: a healthcheck restarts it then, not when InfluxDB is away. */
export function httpStatus(report: Pick<HealthReport, 'status'>): number {
  return report.status === 'down' ? 503 : 200;
}

/** The report for someone not signed in: the same statuses, without InfluxDB's version. */
export function publicView(report: HealthReport): HealthReport {
  const influxdb = { ...report.checks.influxdb };
  delete influxdb.version;
  return { ...report, checks: { ...report.checks, influxdb } };
}
