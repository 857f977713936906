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
