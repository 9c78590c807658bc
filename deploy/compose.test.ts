import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const file = readFileSync(new URL('./docker-compose.homeiq.yml', import.meta.url), 'utf8');

interface Service {
  environment: string[];
  depends_on: Record<string, { condition: string }>;
  networks: string[];
  healthcheck: { test: string[] };
  deploy: { resources: { limits: { memory: string } } };
  logging: { driver: string; options: Record<string, string> };
  volumes: string[];
}

describe('deploy/docker-compose.homeiq.yml (no Docker engine here: checked as a file)', () => {
  const doc = parse(file) as { services: Record<string, Service>; networks: Record<string, { external: boolean; name: string }> };
  const service = doc.services['influx-console'];

  it('joins HomeIQ\'s network and reaches its InfluxDB by service name, after it is healthy', () => {
    expect(service).toBeDefined();
    expect(service?.networks).toEqual(['homeiq-network']);
    expect(doc.networks['homeiq-network']).toMatchObject({ external: true });
    // HomeIQ's compose project is `homeiq`: its network exists as homeiq_homeiq-network.
    expect(doc.networks['homeiq-network']?.name).toBe('${HOMEIQ_NETWORK:-homeiq_homeiq-network}');
    expect(service?.environment).toContain('INFLUXDB_URL=http://influxdb:8086');
    expect(service?.environment).toContain('INFLUXDB_TOKEN=${INFLUXDB_TOKEN:-homeiq-token}');
    expect(service?.environment).toContain('INFLUXDB_ORG=${INFLUXDB_ORG:-homeiq}');
    expect(service?.depends_on.influxdb?.condition).toBe('service_healthy');
  });

  it('runs the HomeIQ way: health endpoint, JSON logs, a 256 MB limit and its data on a volume', () => {
    expect(service?.healthcheck.test).toEqual(['CMD', 'curl', '-f', 'http://localhost:3000/api/health']);
    expect(service?.environment).toContain('LOG_FORMAT=json');
    expect(service?.environment).toContain('CONSOLE_DATA_DIR=/data');
    expect(service?.deploy.resources.limits.memory).toBe('256M');
    expect(service?.logging).toMatchObject({ driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } });
    expect(service?.volumes).toContain('influx_console_data:/data');
  });

  it('holds no secret of its own: the token and passwords come from the environment', () => {
    for (const line of service?.environment ?? []) {
      if (/TOKEN|PASSWORD|SECRET|WEBHOOK/.test(line.split('=')[0] ?? '')) expect(line).toMatch(/=\$\{[A-Z_]+:-[^}]*\}$/);
    }
  });
});
