import { spawn } from 'node:child_process';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { ROOT } from './fixtures.js';

/** The real executable, for tests that need a process of its own (signals, permissions). */
export const BIN = path.join(ROOT, 'bin', 'briefdeck.js');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process, as `briefdeck ...argv`, capturing what it prints. */
export async function cli(argv: string[], signal?: AbortSignal): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), signal });
  return { code, out, err };
}

/**
 * Runs `node bin/briefdeck.js ...argv` as a process of its own in `cwd`. `env` is added to this
 * process's environment. A build that hangs is killed after `killAfterMs` (a safety net, not a
 * measure: the result then has `code: null`). `nodeArgs` go to Node before the script (`--import`).
 */
export function spawnCli(argv: string[], options: { cwd: string; env?: Record<string, string>; killAfterMs?: number; nodeArgs?: string[] }): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...argv], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
