import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixtures.js';
import type { CliResult } from './cli.js';

const HOST = path.join(ROOT, 'tests', 'helpers', 'cli-host.mjs');

/**
 * A process of its own that runs the CLI many times, each time as `cd cwd && briefdeck argv`:
 * paths resolve and print relative to `cwd` exactly as in a real run, with no `process.chdir` in
 * the test's process and one Node start-up for all the cases of a file. Tests about the process
 * itself (exit by signal, EPIPE, PATH, the environment it reads) spawn `bin/briefdeck.js` instead.
 */
export class CliHost {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: CliResult) => void; reject: (e: Error) => void }>();

  /** `env` is added to this process's environment, as for `spawnCli`. */
  constructor(env: Record<string, string> = {}) {
    this.child = fork(HOST, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', () => resolve());
      this.child.once('error', reject);
    });
    this.child.on('message', (message: { id?: number } & CliResult) => {
      if (message.id === undefined) return;
      this.pending.get(message.id)?.resolve({ code: message.code, out: message.out, err: message.err });
      this.pending.delete(message.id);
    });
    this.child.on('exit', (code, signal) => {
      for (const { reject } of this.pending.values()) reject(new Error(`the CLI host exited (${signal ?? code}) during a run`));
      this.pending.clear();
    });
  }

  /** Runs `briefdeck ...argv` in `cwd`; one run at a time (the host changes its folder per run). */
  async run(argv: string[], cwd: string): Promise<CliResult> {
    await this.ready;
    if (this.pending.size > 0) throw new Error('CliHost runs one command at a time');
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, argv, cwd });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
