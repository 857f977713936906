import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fixtureCopy } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await fixtureCopy('serve'));
});
afterEach(() => remove());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('briefdeck build, incrementally', () => {
  it('builds, lists the decks, then skips what is unchanged; --force builds again', async () => {
    const content = path.join(dir, 'content');
    const out = path.join(dir, 'dist');
    const first = await cli('build', content, '-o', out);
    expect(first.code).toBe(0);
    // `build` measures the slides in Chromium when it finds one (fit, on by default): the line then says so.
    expect(first.out).toMatch(/brief\.md → .*index\.html \(\d+ slides; [\d.]+ m?s(?:, fitted in [\d.]+ m?s)?\)/);
    expect(first.out).toMatch(/index\.html lists the decks in /);
    const second = await cli('build', content, '-o', out);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/brief\.md unchanged, not rebuilt \(\d+ slides, checked in [\d.]+ m?s\)/);
    expect(second.out).toMatch(/with-image\.md unchanged, not rebuilt/);
    expect(second.out).not.toMatch(/lists the decks/);
    const forced = await cli('build', path.join(content, 'brief.md'), '-o', out, '--force');
    expect(forced.out).toMatch(/brief\.md → .*\(\d+ slides, none changed; [\d.]+ m?s(?:, fitted in [\d.]+ m?s)?\)/);
  });

  it('a change every footer shows (date, organisation) is named, not reported as "none changed"', async () => {
    const brief = path.join(dir, 'content', 'brief.md');
    const out = path.join(dir, 'dist');
    expect((await cli('build', brief, '--no-fit', '-o', out)).code).toBe(0);
    const text = await readFile(brief, 'utf8');
    await writeFile(brief, text.replace('date: 2026-11-28', 'date: 2026-12-01\norganisation: Example Office'));
    const changed = await cli('build', brief, '--no-fit', '-o', out);
    expect(changed.out).not.toMatch(/none changed/);
    expect(changed.out).toMatch(/\(\d+ slides: the organisation and the date changed on every slide; /);
    // Back as it was: the same two changed again, and nothing else.
    await writeFile(brief, text);
    expect((await cli('build', brief, '--no-fit', '-o', out)).out).toMatch(/the organisation and the date changed on every slide; /);
    expect((await cli('build', brief, '--no-fit', '-o', out, '--force')).out).toMatch(/\(\d+ slides, none changed; /);
  });

  it('refuses a --port that is not a port', async () => {
    const result = await cli('serve', path.join(dir, 'content'), '--port', '70000');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--port/);
  });
});
