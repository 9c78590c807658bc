import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandHelp, runCli } from './run';

/** Runs the CLI in-process with no InfluxDB configured, and returns its exit code and output. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.stubEnv('INFLUXDB_URL', '');
  vi.stubEnv('INFLUXDB_TOKEN', '');
  const code = await runCli(argv);
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const COMMANDS = [
  ['provision'],
  ['buckets'],
  ['buckets', 'list'],
  ['buckets', 'create'],
  ['buckets', 'delete'],
  ['export'],
  ['verify'],
  ['stats'],
  ['insights'],
  ['seed'],
  ['data'],
  ['data', 'delete'],
  ['data', 'export'],
  ['data', 'import'],
  ['alerts'],
  ['alerts', 'test'],
  ['tokens'],
  ['tokens', 'list'],
  ['tokens', 'create'],
  ['tokens', 'check'],
  ['tokens', 'deactivate'],
  ['tokens', 'activate'],
  ['tokens', 'delete'],
  ['backup'],
  ['backup', 'create'],
  ['backup', 'list'],
  ['backup', 'restore'],
  ['backup', 'verify'],
];

describe('homeiq-console --help', () => {
  it.each(COMMANDS)("answers `%s … --help` with that command's usage, exit 0, without any InfluxDB configured", async (...words) => {
    const { code, stdout, stderr } = await run([...words, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const usageLines = stdout.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(usageLines.length).toBeGreaterThan(0);
    for (const line of usageLines) expect(line.trim().startsWith(words.join(' '))).toBe(true);
  });

  it('shows only the subcommand asked about, whatever flags and values stand before --help', async () => {
    const { code, stdout } = await run(['buckets', 'create', 'homeiq_x', '--retention', '90d', '-h']);
    expect(code).toBe(0);
    expect(stdout).toContain('buckets create NAME --retention 90d');
    expect(stdout).not.toContain('buckets delete');
    expect((await run(['stats', '--bucket', 'b', '--help'])).stdout).toContain('stats [--bucket NAME]');
  });

  it('lists every command for --help alone, and refuses an unknown command even with --help', async () => {
    const all = await run(['--help']);
    expect(all.code).toBe(0);
    for (const words of COMMANDS) expect(all.stdout).toContain(`  ${words.join(' ')}`);
    const unknown = await run(['frobnicate', '--help']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('treats --help after `--` as an argument, not a request for help', async () => {
    const { code, stdout, stderr } = await run(['export', '--format', 'nope', '--', '--help']);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: /);
    expect(commandHelp(['nope'])).toBeNull();
  });
});
