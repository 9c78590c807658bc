/** The three `export NAME=value` lines `influxd.sh start` prints, as the environment they describe. */
export interface InfluxdExports {
  url: string;
  token: string;
  org: string;
}

export function parseInfluxdExports(stdout: string): InfluxdExports {
  const vars: Record<string, string> = {};
  for (const line of stdout.trim().split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1]) vars[m[1]] = m[2] ?? '';
  }
  const { INFLUXDB_URL: url, INFLUXDB_TOKEN: token, INFLUXDB_ORG: org } = vars;
  if (!url || !token || !org) throw new Error(`influxd.sh start printed unexpected output: ${stdout}`);
  return { url, token, org };
}
