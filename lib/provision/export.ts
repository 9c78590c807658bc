import type { ConsoleSpec } from '../spec/schema';
import { formatRetention } from '../model/retention';

/** The spec as commands and files for people who provision by hand or by GitOps. */
export type ExportFormat = 'influx-cli' | 'curl' | 'template';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['influx-cli', 'curl', 'template'];

/** Single-quotes a value for POSIX shells. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function exportInfluxCli(spec: ConsoleSpec): string {
  const lines = [`# ${spec.name} buckets for org ${spec.org} (seed Method 3). Uses the influx CLI's active config or INFLUX_HOST/INFLUX_TOKEN.`];
  for (const b of spec.buckets) {
    lines.push(
      `influx bucket create \\\n  --name ${shellQuote(b.name)} \\\n  --org ${shellQuote(spec.org)} \\\n  --retention ${b.retention === 0 ? '0' : formatRetention(b.retention)} \\\n` +
        (b.shardGroupDuration ? `  --shard-group-duration ${formatRetention(b.shardGroupDuration)} \\\n` : '') +
        `  --description ${shellQuote(b.description)}`,
    );
  }
  return lines.join('\n\n') + '\n';
}

export function exportCurl(spec: ConsoleSpec): string {
  const out = [
    `# ${spec.name} buckets for org ${spec.org} (seed Method 4). Needs INFLUXDB_URL and INFLUXDB_TOKEN, curl and jq.`,
    `ORG_ID=$(curl -sf "$INFLUXDB_URL/api/v2/orgs?org=${encodeURIComponent(spec.org)}" -H "Authorization: Token $INFLUXDB_TOKEN" | jq -r '.orgs[0].id')`,
  ];
  for (const b of spec.buckets) {
    const rule = { type: 'expire', everySeconds: b.retention, ...(b.shardGroupDuration ? { shardGroupDurationSeconds: b.shardGroupDuration } : {}) };
    const body = JSON.stringify({ orgID: '__ORG_ID__', name: b.name, description: b.description, retentionRules: [rule] });
    // The org ID is spliced in by the shell; the rest is one single-quoted JSON body.
    const quoted = shellQuote(body).replace('"__ORG_ID__"', `"'"$ORG_ID"'"`);
    out.push(
      `curl -sf -X POST "$INFLUXDB_URL/api/v2/buckets" \\\n  -H "Authorization: Token $INFLUXDB_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d ${quoted}`,
    );
  }
  return out.join('\n\n') + '\n';
}

/** A Kubernetes-style resource name for `metadata.name`: lower case, digits and dashes. */
function resourceName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'bucket';
}

/**
 * An `influx apply` template (YAML; JSON strings are valid YAML scalars). InfluxDB's template schema
 * (pkger, 2.7 and 2.8) has no shard-group field and ignores unknown ones, so a declared SGD is carried
 * as `shardGroupDurationSeconds` (the REST API's name) with a comment giving the command that sets it.
 */
export function exportTemplate(spec: ConsoleSpec): string {
  return (
    spec.buckets
      .map((b) =>
        [
          'apiVersion: influxdata.com/v2alpha1',
          'kind: Bucket',
          'metadata:',
          `  name: ${resourceName(b.name)}`,
          'spec:',
          `  name: ${JSON.stringify(b.name)}`,
          `  description: ${JSON.stringify(b.description)}`,
          '  retentionRules:',
          '    - type: expire',
          `      everySeconds: ${b.retention}`,
          ...(b.shardGroupDuration
            ? [
                `      # influx apply ignores this field; after applying run (with --retention, influxdata/influxdb#24765):`,
                `      # influx bucket update --id <ID of ${b.name}> --retention ${b.retention === 0 ? '0' : formatRetention(b.retention)} --shard-group-duration ${formatRetention(b.shardGroupDuration)}`,
                `      shardGroupDurationSeconds: ${b.shardGroupDuration}`,
              ]
            : []),
        ].join('\n'),
      )
      .join('\n---\n') + '\n'
  );
}

export function exportSpec(spec: ConsoleSpec, format: ExportFormat): string {
  switch (format) {
    case 'influx-cli':
      return exportInfluxCli(spec);
    case 'curl':
      return exportCurl(spec);
    case 'template':
      return exportTemplate(spec);
  }
}
