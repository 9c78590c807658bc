import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import { exportCurl, exportInfluxCli, exportTemplate, shellQuote } from './export';

const spec = ai5Spec();

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
    expect(execFileSync('bash', ['-c', `printf %s ${shellQuote("it's \"x\" $HOME")}`]).toString()).toBe('it\'s "x" $HOME');
  });
});
