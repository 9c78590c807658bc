import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const consoleFile = here('./compose.yml');
const corePlatformFile = here('./fixtures/homeiq-core-platform/compose.yml');
const brokenFile = here('./fixtures/broken/compose.yml');
const homeiqEnv = here('./fixtures/homeiq.env');

/** The parts of `docker compose config --format json` these tests read. */
interface Project {
  name: string;
  services: Record<
    string,
    {
      container_name?: string;
      environment: Record<string, string | null>;
      depends_on?: Record<string, unknown>;
      networks: Record<string, unknown>;
      healthcheck: { test: string[]; interval: string; timeout: string; retries: number };
      deploy: { resources: { limits: { memory: string } } };
      logging: { driver: string; options: Record<string, string> };
      ports: { target: number; published: string }[];
      volumes?: { source: string; target: string }[];
    }
  >;
  networks: Record<string, { name: string; external?: boolean }>;
}

let loader = process.env.HOMEIQ_COMPOSE_CONFIG ?? '';

/** Variables a developer's shell may hold that would change what the files resolve to. */
const CLEAN_ENV = [
  'HOMEIQ_NETWORK',
  'HOMEIQ_ENV_FILE',
  'CONSOLE_PORT',
  'CONSOLE_INFLUXDB_URL',
  'INFLUXDB_URL',
  'INFLUXDB_TOKEN',
  'INFLUXDB_ORG',
  'LOG_LEVEL',
  'COMPOSE_PROFILES',
  'COMPOSE_PROJECT_NAME',
  'COMPOSE_FILE',
  'COMPOSE_ENV_FILES',
];

/** `docker compose [--env-file E] -f A [-f B] config`, through Docker Compose's own loader (compose-go). */
async function load(files: string[], opts: { env?: Record<string, string>; envFiles?: string[] } = {}): Promise<Project> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEAN_ENV) delete env[name];
  const args = [...(opts.envFiles ?? []).flatMap((f) => ['--env-file', f]), ...files.flatMap((f) => ['-f', f])];
  const { stdout } = await run(loader, args, { env: { ...env, ...opts.env }, maxBuffer: 8 * 1024 * 1024 });
  return JSON.parse(stdout) as Project;
}

/** The loader's refusal of `files`, as the docker CLI would print it. */
async function refusal(files: string[]): Promise<string> {
  try {
    await load(files);
  } catch (e) {
    return String((e as { stderr?: unknown }).stderr ?? e);
  }
  throw new Error(`the loader accepted ${files.join(', ')}`);
}

/** Every depends_on target that is not a service of the same project. */
function undefinedDependencies(project: Project): string[] {
  return Object.entries(project.services).flatMap(([name, service]) =>
    Object.keys(service.depends_on ?? {})
      .filter((target) => !(target in project.services))
      .map((target) => `${name} -> ${target}`),
  );
}

beforeAll(async () => {
  // scripts/test.sh builds it first (with progress); a lone `vitest run` builds it here, once.
  if (!loader) loader = (await run('bash', [here('../tools/compose/build.sh')], { maxBuffer: 1024 * 1024 })).stdout.trim();
}, 300_000);

describe("deploy/compose.yml, loaded by Docker Compose's own loader", () => {
  it('on its own: project homeiq-influx-console on the external network literally named homeiq-network', async () => {
    const project = await load([consoleFile]);
    expect(project.name).toBe('homeiq-influx-console');
    expect(Object.keys(project.services)).toEqual(['influx-console']);
    expect(project.networks['homeiq-network']).toMatchObject({ name: 'homeiq-network', external: true });
    expect(Object.keys(project.services['influx-console']?.networks ?? {})).toEqual(['homeiq-network']);
    expect(undefinedDependencies(project)).toEqual([]);
    expect(project.services['influx-console']?.container_name).toBe('homeiq-influx-console');
  });

  it("reaches InfluxDB by its service name with HomeIQ's default token and org, and keeps no secret of its own", async () => {
    const env = (await load([consoleFile])).services['influx-console']?.environment;
    expect(env).toMatchObject({
      INFLUXDB_URL: 'http://influxdb:8086',
      INFLUXDB_TOKEN: 'homeiq-token',
      INFLUXDB_ORG: 'homeiq',
      CONSOLE_DATA_DIR: '/data',
      LOG_FORMAT: 'json',
      CONSOLE_ADMIN_PASSWORD: '',
      CONSOLE_ALERT_WEBHOOK_URL: '',
    });
  });

  it("takes the token and org from HomeIQ's .env (--env-file), and hands that file to the container (HOMEIQ_ENV_FILE)", async () => {
    const project = await load([consoleFile], { envFiles: [homeiqEnv], env: { HOMEIQ_ENV_FILE: homeiqEnv } });
    expect(project.services['influx-console']?.environment).toMatchObject({
      INFLUXDB_TOKEN: 'fixture-token-from-homeiq-env',
      INFLUXDB_ORG: 'fixture-org',
      LOG_LEVEL: 'DEBUG',
      HOMEIQ_ONLY_SETTING: 'from-homeiq-env',
      // HomeIQ's .env must not move the console off the network's InfluxDB.
      INFLUXDB_URL: 'http://influxdb:8086',
    });
  });

  it('follows the overrides it documents: another network name, port and InfluxDB URL', async () => {
    const project = await load([consoleFile], {
      env: { HOMEIQ_NETWORK: 'my-net', CONSOLE_PORT: '3999', CONSOLE_INFLUXDB_URL: 'http://homeiq-influxdb:8086', INFLUXDB_URL: 'http://localhost:8086' },
    });
    expect(project.networks['homeiq-network']).toMatchObject({ name: 'my-net', external: true });
    const service = project.services['influx-console'];
    expect(service?.ports).toEqual([expect.objectContaining({ target: 3000, published: '3999' })]);
    // A host-side INFLUXDB_URL (the developer loop's localhost) never leaks into the container.
    expect(service?.environment.INFLUXDB_URL).toBe('http://homeiq-influxdb:8086');
  });

  it('runs the HomeIQ way: curl on /api/health, a memory limit of 192-512 MB, json-file logs with labels, /data on a volume', async () => {
    const service = (await load([consoleFile])).services['influx-console'];
    expect(service?.healthcheck).toMatchObject({
      test: ['CMD', 'curl', '-f', 'http://localhost:3000/api/health'],
      interval: '30s',
      timeout: '10s',
      retries: 3,
    });
    const memory = Number(service?.deploy.resources.limits.memory);
    expect(memory).toBeGreaterThanOrEqual(192 * 1024 * 1024);
    expect(memory).toBeLessThanOrEqual(512 * 1024 * 1024);
    expect(service?.logging).toEqual({
      driver: 'json-file',
      options: { 'max-size': '10m', 'max-file': '3', labels: 'service=influx-console,group=influx-console,environment=production' },
    });
    expect(service?.volumes).toEqual([expect.objectContaining({ source: 'influx_console_data', target: '/data' })]);
  });
});

describe("beside HomeIQ's core-platform domain: two projects sharing homeiq-network", () => {
  it('loads both as separate projects, each on the same external network, neither waiting on the other', async () => {
    const [core, consoleProject] = await Promise.all([load([corePlatformFile], { envFiles: [homeiqEnv] }), load([consoleFile], { envFiles: [homeiqEnv] })]);
    expect(core.name).toBe('homeiq-core-platform');
    expect(consoleProject.name).toBe('homeiq-influx-console');
    for (const project of [core, consoleProject]) {
      expect(Object.values(project.networks)).toEqual([expect.objectContaining({ name: 'homeiq-network', external: true })]);
      expect(undefinedDependencies(project)).toEqual([]);
    }
    // No service or container of one project is redefined by the other: `up` of one leaves the other alone.
    expect(Object.keys(consoleProject.services).filter((s) => s in core.services)).toEqual([]);
    const containers = (p: Project) => Object.values(p.services).map((s) => s.container_name);
    expect(containers(consoleProject).filter((c) => containers(core).includes(c))).toEqual([]);
  });

  it('points the console at the core-platform InfluxDB by its service name and port, with the token HomeIQ set it up with', async () => {
    const [core, consoleProject] = await Promise.all([load([corePlatformFile], { envFiles: [homeiqEnv] }), load([consoleFile], { envFiles: [homeiqEnv] })]);
    const influxdb = core.services.influxdb;
    const env = consoleProject.services['influx-console']?.environment ?? {};
    const url = new URL(String(env.INFLUXDB_URL));
    expect(url.hostname in core.services).toBe(true);
    expect(influxdb?.ports.map((p) => p.target)).toContain(Number(url.port));
    expect(env.INFLUXDB_TOKEN).toBe(influxdb?.environment.DOCKER_INFLUXDB_INIT_ADMIN_TOKEN);
    expect(env.INFLUXDB_ORG).toBe(influxdb?.environment.DOCKER_INFLUXDB_INIT_ORG);
    // Published ports on the host do not collide.
    const published = (p: Project) => Object.values(p.services).flatMap((s) => s.ports.map((port) => port.published));
    expect(published(consoleProject).filter((port) => published(core).includes(port))).toEqual([]);
  });
});

describe('a compose file Docker Compose refuses', () => {
  it('rejects the deliberately broken fixture: depends_on a service of another project', async () => {
    expect(await refusal([brokenFile])).toMatch(/service "influx-console" depends on undefined service "influxdb"/);
  });

  it('rejects a file that is not there, rather than loading nothing', async () => {
    expect(await refusal([here('./fixtures/no-such-compose.yml')])).toMatch(/no such file|not found/i);
  });
});
