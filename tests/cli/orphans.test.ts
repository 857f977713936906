import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { EXAMPLE, tempDir } from '../helpers/fixtures.js';
import { newTag, TAG_VARIABLE, taggedProcesses, waitFor } from '../helpers/processes.js';

let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await copyFile(EXAMPLE, path.join(dir, 'example.md'));
});
afterAll(() => remove());

/** Chromium's processes are the tagged ones other than the CLI itself. */
function chromiumOf(tag: string, cli: number): number[] {
  return taggedProcesses(tag).filter((pid) => pid !== cli);
}

describe('no orphans (real process, real kill -9)', () => {
  it('after kill -9 of briefdeck during a PDF export, none of its Chromium processes lives on', async () => {
    const tag = newTag();
    const child = spawn(process.execPath, [BIN, 'build', 'example.md', '--pdf', '-o', 'out'], { cwd: dir, env: { ...process.env, [TAG_VARIABLE]: tag }, stdio: 'ignore' });
    const exited = once(child, 'exit');
    // Chromium runs (its browser process and at least one helper): the export has it in hand.
    expect(await waitFor(() => chromiumOf(tag, child.pid!).length >= 2, 60_000)).toBe(true);
    const chromium = chromiumOf(tag, child.pid!);
    child.kill('SIGKILL');
    await exited;
    // Bounded by the test's timeout, not asserted on the clock: every one of them must go.
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 30_000)).toBe(true);
    expect(chromium.length).toBeGreaterThan(0);
  });
});
