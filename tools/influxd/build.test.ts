import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const buildScript = fileURLToPath(new URL('./build.sh', import.meta.url));
const made: string[] = [];

/** A PATH whose go and rustc report the given versions (null: absent), before /usr/bin and /bin only. */
function toolchain(go: string | null, rust: string | null): string {
  const bin = mkdtempSync(join(tmpdir(), 'influxd-build-tools-'));
  made.push(bin);
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  if (go) tool('go', `[ "$1 $2" = "env GOVERSION" ] && echo go${go} && exit 0; echo "unexpected go $*" >&2; exit 99`);
  if (rust) {
    tool('rustc', `echo "rustc ${rust} (0000000 2022-01-01)"`);
    tool('cargo', `echo "unexpected cargo $*" >&2; exit 99`);
  }
  return `${bin}:/usr/bin:/bin`;
}

/** build.sh with an empty cache (so it would build) and the given PATH; it must stop before building. */
async function build(path: string): Promise<{ code: number; stderr: string }> {
  const cache = mkdtempSync(join(tmpdir(), 'influxd-build-cache-'));
  made.push(cache);
  try {
    await run('bash', [buildScript], { env: { PATH: path, HOME: cache, HOMEIQ_CACHE_DIR: cache, NODE_ENV: 'test' }, timeout: 30_000 });
    return { code: 0, stderr: '' };
  } catch (e) {
    const failed = e as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('tools/influxd/build.sh checks its toolchains before building', () => {
  it("refuses Debian 12's Go 1.19 and Rust 1.63, and says how to get newer ones or use an existing InfluxDB", async () => {
    const { code, stderr } = await build(toolchain('1.19.8', '1.63.0'));
    expect(code).toBe(1);
    expect(stderr).toContain('Go 1.19.8 is too old (the build needs Go >= 1.24)');
    expect(stderr).toContain('Rust 1.63.0 is too old');
    expect(stderr).toMatch(/go\.dev\/dl/);
    expect(stderr).toMatch(/rustup/);
    expect(stderr).toContain('INFLUXDB_URL=http://localhost:8086 INFLUXDB_TOKEN=<token> INFLUXDB_ORG=homeiq bash scripts/start.sh');
    expect(stderr).not.toContain('unexpected');
  });

  it('names what is missing when there is no Go or Rust at all', async () => {
    const { code, stderr } = await build(toolchain(null, null));
    expect(code).toBe(1);
    expect(stderr).toContain('Go is missing (the build needs Go >= 1.24)');
    expect(stderr).toContain('Rust (rustc and cargo) is missing');
  });

  it('accepts Go 1.24 with an old Rust only as far as Go: the Rust problem alone is reported', async () => {
    const { code, stderr } = await build(toolchain('1.24.0', '1.71.1'));
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/Go .* too old|Go is missing/);
    expect(stderr).toContain('Rust 1.71.1 is too old (the build needs Rust >= 1.72');
  });
});
