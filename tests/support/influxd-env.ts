import { inject } from 'vitest';

const server = inject('influxd');
process.env.INFLUXDB_URL = server.url;
process.env.INFLUXDB_TOKEN = server.token;
process.env.INFLUXDB_ORG = server.org;
delete process.env.CONSOLE_SPEC;
