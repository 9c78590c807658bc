import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ai5Spec } from '../spec/load';
import type { ConsoleSpec } from '../spec/schema';
import { exportCurl, exportInfluxCli, exportTemplate, shellQuote } from './export';

const spec = ai5Spec();
const DAY = 86_400;
/** The AI-5 spec with shard groups of 1d (daily) and 7d (weekly) declared. */
const withShards: ConsoleSpec = { ...spec, buckets: spec.buckets.map((b, i) => ({ ...b, shardGroupDuration: i === 0 ? DAY : 7 * DAY })) };

describe('export', () => {
  it('writes the seed Method 3 commands with 90d and 365d', () => {
    const text = exportInfluxCli(spec);
    expect(text).toContain("--name 'pattern_aggregates_daily'");
    expect(text).toContain('--retention 90d');
    expect(text).toContain('--retention 365d');
    expect(text).toContain("--org 'homeiq'");
  });

  it('writes curl calls whose JSON bodies parse once the shell has expanded them', () => {
    const text = exportCurl(spec);
    expect(text).not.toMatch(/Token [0-9a-f]{20,}/);
    const bodies = [...text.matchAll(/-d ('(?:[^']|'\\'')*(?:'"\$ORG_ID"'(?:[^']|'\\'')*)*')/g)].map((m) => m[1] ?? '');
    expect(bodies).toHaveLength(2);
    for (const quoted of bodies) {
      const expanded = execFileSync('bash', ['-c', `ORG_ID=abc123; printf %s ${quoted}`]).toString();
      const body = JSON.parse(expanded) as { orgID: string; retentionRules: { everySeconds: number }[] };
      expect(body.orgID).toBe('abc123');
      expect([7_776_000, 31_536_000]).toContain(body.retentionRules[0]?.everySeconds);
    }
  });

  it('writes an influx apply template with one Bucket resource per bucket', () => {
    const text = exportTemplate(spec);
    expect(text.split('\n---\n')).toHaveLength(2);
    expect(text).toContain('kind: Bucket');
    expect(text).toContain('name: pattern-aggregates-daily');
    expect(text).toContain('everySeconds: 31536000');
  });

  it('quotes values with single quotes for the shell', () => {
    expect(execFileSync('bash', ['-c', `printf %s ${shellQuote('it\'s "x" $HOME')}`]).toString()).toBe('it\'s "x" $HOME');
  });

  it('carries declared shard-group durations into the influx CLI commands, and none when the spec has none', () => {
    expect(exportInfluxCli(spec)).not.toContain('--shard-group-duration');
    const text = exportInfluxCli(withShards);
    expect(text).toContain('--retention 90d \\\n  --shard-group-duration 1d \\\n');
    expect(text).toContain('--retention 365d \\\n  --shard-group-duration 7d \\\n');
  });

  it('carries declared shard-group durations in the curl bodies as shardGroupDurationSeconds', () => {
    expect(exportCurl(spec)).not.toContain('shardGroupDurationSeconds');
    const bodies = [...exportCurl(withShards).matchAll(/-d ('(?:[^']|'\\'')*(?:'"\$ORG_ID"'(?:[^']|'\\'')*)*')/g)].map((m) => m[1] ?? '');
    const rules = bodies.map(
      (quoted) =>
        (JSON.parse(execFileSync('bash', ['-c', `ORG_ID=abc123; printf %s ${quoted}`]).toString()) as { retentionRules: unknown[] }).retentionRules[0],
    );
    expect(rules).toEqual([
      { type: 'expire', everySeconds: 90 * DAY, shardGroupDurationSeconds: DAY },
      { type: 'expire', everySeconds: 365 * DAY, shardGroupDurationSeconds: 7 * DAY },
    ]);
  });

  it('carries declared shard-group durations in the template, with the command influx apply needs to set them', () => {
    expect(exportTemplate(spec)).not.toContain('shardGroupDuration');
    const text = exportTemplate(withShards);
    const docs = parseAllDocuments(text).map((d) => d.toJS() as { spec: { retentionRules: unknown[] } });
    expect(docs.map((d) => d.spec.retentionRules)).toEqual([
      [{ type: 'expire', everySeconds: 90 * DAY, shardGroupDurationSeconds: DAY }],
      [{ type: 'expire', everySeconds: 365 * DAY, shardGroupDurationSeconds: 7 * DAY }],
    ]);
    expect(text).toContain('# influx bucket update --id <ID of pattern_aggregates_daily> --retention 90d --shard-group-duration 1d');
  });
});
