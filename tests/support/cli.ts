import { vi } from 'vitest';
import { runCli } from '@/cli/run';

export interface CliRun {
  code: number;
  /** stdout parsed as JSON when it is, else the text. */
  json: unknown;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command in-process, catching what it prints. */
export async function captureCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  try {
    const code = await runCli(args);
    let json: unknown;
    try {
      json = JSON.parse(stdout);
    } catch {
      json = stdout;
    }
    return { code, json, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
