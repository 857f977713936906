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

/** What briefdeck itself printed on stderr, without the debug lines the test asked for. */
const ownLines = (stderr: string): string => stderr.split('\n').filter((l) => l && !/ briefdeck:\w+ /.test(l)).map((l) => `${l}\n`).join('');

describe('Ctrl-C and SIGTERM during PDF export (real process, real signal)', () => {
  // Signalled when the debug trace (DEBUG=briefdeck:export) says the browser reached a step: its first
  // page, or fit reusing its kept page (a stop there once made the session launch Chromium again).
  it.each([
    ['SIGINT', 'page opened', 130],
    ['SIGTERM', 'page opened', 143],
    ['SIGINT', 'reusing the kept page', 130],
    ['SIGTERM', 'reusing the kept page', 143],
  ] as const)('%s at "%s": exit %i, no browser launched after it, browser closed, temporary files gone, previous deck intact', async (signal, step, code) => {
    const tag = newTag();
    const child = spawn(process.execPath, [BIN, 'build', 'example.md', '--pdf', '-o', 'out'], {
      cwd: dir,
      env: { ...process.env, [TAG_VARIABLE]: tag, DEBUG: 'briefdeck:export' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let afterSignal = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (sent) afterSignal += chunk.toString();
      else if (stderr.includes(step)) {
        sent = true;
        child.kill(signal);
      }
    });
    const [exitCode] = await once(child, 'exit');
    expect(sent).toBe(true);
    expect({ exitCode, stderr: ownLines(stderr) }).toEqual({ exitCode: code, stderr: `briefdeck: interrupted by ${signal}; outputs left as they were\n` });
    expect(afterSignal).not.toMatch(/launching/);
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 15_000)).toBe(true);
    expect((await readdir(path.join(dir, 'out', 'example'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html']);
    expect((await readFile(path.join(dir, 'out', 'example', 'index.html'))).equals(previous)).toBe(true);
  });
});
