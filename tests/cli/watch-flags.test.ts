import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { Output } from '../helpers/output.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  for (const file of ['condensed.md', 'chart.svg']) await copyFile(fixture(file), path.join(dir, file));
});
afterAll(() => remove());


/** Runs `build --watch`, then `during` once it watches, then stops it as Ctrl-C would. */
async function watchOnce(args: string[], during?: (out: Output, err: Output) => Promise<void>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stop = new AbortController();
  const stdout = new Output();
  const stderr = new Output();
  const running = run(['build', '--watch', ...args], { stdout: stdout.write, stderr: stderr.write, signal: stop.signal });
  try {
    await stdout.until(/Watching/);
    await during?.(stdout, stderr);
  } finally {
    stop.abort('SIGINT');
  }
  return { code: await running, stdout: stdout.text, stderr: stderr.text };
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

describe('build --watch follows what a deck is made from outside its folder', () => {
  it('a theme file and a config file elsewhere are watched: editing them rebuilds the deck', async () => {
    const project = path.join(dir, 'project');
    const content = path.join(project, 'content');
    await mkdir(content, { recursive: true });
    const brief = path.join(content, 'brief.md');
    await writeFile(brief, '---\ntitle: Watched\n---\n\n## Part\n\nSome words on the slide.\n');
    const theme = path.join(dir, 'styles', 'house.css');
    await mkdir(path.dirname(theme));
    await writeFile(theme, ':root { --bd-text: #112233; }\n');
    const config = path.join(project, 'briefdeck.config.yaml');
    await writeFile(config, 'date: 2026-01-01\n');
    const out = path.join(dir, 'watch-out');
    const html = (): Promise<string> => readFile(path.join(out, 'brief', 'index.html'), 'utf8');
    const result = await watchOnce(['--no-fit', '--theme', theme, '-o', out, brief], async (stdout) => {
      expect(await html()).toContain('#112233');
      const rebuilt = (): Promise<void> => {
        const builds = stdout.count(' → ');
        return stdout.until(() => stdout.count(' → ') > builds);
      };
      let next = rebuilt();
      await writeFile(theme, ':root { --bd-text: #445566; }\n');
      await next;
      expect(await html()).toContain('#445566');
      expect(await html()).toContain('2026');
      next = rebuilt();
      await writeFile(config, 'date: 2031-05-06\n');
      await next;
      expect(await html()).toContain('2031');
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(130);
  });
});

describe('build --watch after an error', () => {
  it('a brief fixed back to its last good state is said to be good again (nothing to rebuild)', async () => {
    const brief = path.join(dir, 'fixed.md');
    const good = '---\ntitle: Fixed\n---\n\n## Part\n\nSome words on the slide.\n';
    await writeFile(brief, good);
    const result = await watchOnce(['--no-fit', '-o', path.join(dir, 'fixed-out'), brief], async (out, err) => {
      await writeFile(brief, '---\ntitle: [Fixed\n---\n\n## Part\n\nSome words on the slide.\n');
      await err.until(/fixed\.md:2:8: invalid YAML/);
      const before = out.text.length;
      await writeFile(brief, good);
      await out.until((text) => /fixed\.md is good again: the deck is as last built \(\d+ slides\)\n$/.test(text.slice(before)));
    });
    expect(result.code).toBe(130);
  });
});
