import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { EXAMPLE, tempDir } from '../helpers/fixtures.js';
import { newTag, TAG_VARIABLE, taggedProcesses, waitFor } from '../helpers/processes.js';

let dir: string;
let remove: () => Promise<void>;
let previous: Buffer;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await copyFile(EXAMPLE, path.join(dir, 'example.md'));
  // The last good deck, built differently (4:3), so an overwrite would show.
  const first = spawnSync(process.execPath, [BIN, 'build', 'example.md', '-o', 'out', '--aspect', '4:3'], { cwd: dir, encoding: 'utf8' });
  expect(first.status).toBe(0);
  previous = await readFile(path.join(dir, 'out', 'example', 'index.html'));
});
afterAll(() => remove());

describe('Ctrl-C and SIGTERM during PDF export (real process, real signal)', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i, browser closed, temporary files gone, previous deck intact', async (signal, code) => {
    const tag = newTag();
    const child = spawn(process.execPath, [BIN, 'build', 'example.md', '--pdf', '-o', 'out'], {
      cwd: dir,
      env: { ...process.env, [TAG_VARIABLE]: tag },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    // Chromium is running once more than the CLI itself carries the tag: export has begun.
    expect(await waitFor(() => taggedProcesses(tag).length > 2, 60_000)).toBe(true);
    child.kill(signal);
    const [exitCode] = await exited;
    expect({ exitCode, stderr }).toEqual({ exitCode: code, stderr: `briefdeck: interrupted by ${signal}; outputs left as they were\n` });
    expect(stderr).toBe(`briefdeck: interrupted by ${signal}; outputs left as they were\n`);
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 15_000)).toBe(true);
    expect((await readdir(path.join(dir, 'out', 'example'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html']);
    expect((await readFile(path.join(dir, 'out', 'example', 'index.html'))).equals(previous)).toBe(true);
  });
});
