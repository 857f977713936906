import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  for (const file of ['condensed.md', 'chart.svg']) await copyFile(fixture(file), path.join(dir, file));
});
afterAll(() => remove());

async function watchOnce(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  const running = run(['build', '--watch', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), signal: stop.signal });
  const until = Date.now() + 30_000;
  while (!stdout.includes('Watching') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  stop.abort('SIGINT');
  return { code: await running, stdout, stderr };
}

describe('build --watch takes the same options as build', () => {
  it('mode, notes and the rest reach the watched build', async () => {
    const brief = path.join(dir, 'condensed.md');
    const once = path.join(dir, 'once');
    const watched = path.join(dir, 'watched');
    expect(await run(['build', '--quiet', '--no-fit', '--mode', 'full', '--strip-notes', '-o', once, brief], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const result = await watchOnce(['--no-fit', '--mode', 'full', '--strip-notes', '-o', watched, brief]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(130);
    const [a, b] = await Promise.all([once, watched].map((o) => readFile(path.join(o, 'condensed', 'index.html'), 'utf8')));
    expect(b).toBe(a);
    // The fixture asks for condensed mode in its front matter, and has notes: both were overridden.
    expect(b).not.toContain('class="notes"');
    const defaults = await watchOnce(['--no-fit', '-o', path.join(dir, 'defaults'), brief]);
    expect(defaults.code).toBe(130);
    expect(await readFile(path.join(dir, 'defaults', 'condensed', 'index.html'), 'utf8')).not.toBe(b);
  });
});
