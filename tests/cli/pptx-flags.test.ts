import { copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { cli } from '../helpers/cli.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { Output } from '../helpers/output.js';
import { readPptx } from '../helpers/pptx.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  for (const file of ['footnotes.md', 'no-sections.md']) await copyFile(fixture(file), path.join(dir, file));
});
afterAll(() => remove());

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

// --no-fit throughout: these are about which file is written, which fit does not change.
describe('--pptx, --pptx-images and `pptx:` in the config', () => {
  it('build --pptx writes NAME.pptx for every brief of a batch; an up-to-date build skips it, a deleted one is made again', async () => {
    const out = path.join(dir, 'out');
    const first = await cli(['build', '--pptx', '--no-fit', '-o', out, path.join(dir, 'footnotes.md'), path.join(dir, 'no-sections.md')]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/footnotes\.pptx.*\+ PowerPoint/);
    for (const name of ['footnotes', 'no-sections']) expect((await readPptx(path.join(out, name, `${name}.pptx`))).slides.length).toBeGreaterThan(1);
    expect((await cli(['build', '--pptx', '--no-fit', '-o', out, path.join(dir, 'footnotes.md')])).out).toContain('unchanged, not rebuilt');
    await rm(path.join(out, 'footnotes', 'footnotes.pptx'));
    const again = await cli(['build', '--pptx', '--no-fit', '-o', out, path.join(dir, 'footnotes.md')]);
    expect(again.out).not.toContain('unchanged');
    expect(await exists(path.join(out, 'footnotes', 'footnotes.pptx'))).toBe(true);
  });

  it('`pptx: images` in the config gives the picture per slide; a flag wins over it', async () => {
    const folder = path.join(dir, 'configured');
    await rm(folder, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(folder);
    await copyFile(fixture('no-sections.md'), path.join(folder, 'brief.md'));
    await writeFile(path.join(folder, 'briefdeck.config.yaml'), 'pptx: images\n');
    const out = path.join(folder, 'out');
    expect((await cli(['build', '--no-fit', '-o', out, path.join(folder, 'brief.md')])).code).toBe(0);
    const pictures = await readPptx(path.join(out, 'brief', 'brief.pptx'));
    expect(pictures.slides.every((s) => s.shapes.filter((x) => x.tag === 'pic').length === 1 && !s.shapes.some((x) => x.ph === 'body'))).toBe(true);
    expect((await cli(['build', '--pptx', '--no-fit', '-o', out, path.join(folder, 'brief.md')])).code).toBe(0);
    const editable = await readPptx(path.join(out, 'brief', 'brief.pptx'));
    expect(editable.slides.some((s) => s.shapes.some((x) => x.ph === 'body'))).toBe(true);
  });

  it('a `pptx:` value that is not true, false or `images` is an error at its line', async () => {
    const folder = path.join(dir, 'bad-config');
    await (await import('node:fs/promises')).mkdir(folder, { recursive: true });
    await copyFile(fixture('no-sections.md'), path.join(folder, 'brief.md'));
    await writeFile(path.join(folder, 'briefdeck.config.yaml'), 'lang: en\npptx: pictures\n');
    const result = await cli(['build', '--no-fit', '-o', path.join(folder, 'out'), path.join(folder, 'brief.md')]);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/briefdeck\.config\.yaml:2:\d+.*`pptx` must be true, false or `images`/);
  });

  it('build --watch --pptx makes the .pptx again when the brief changes', async () => {
    const brief = path.join(dir, 'watched.md');
    await copyFile(fixture('no-sections.md'), brief);
    const out = path.join(dir, 'watch-out');
    const pptx = path.join(out, 'watched', 'watched.pptx');
    const stop = new AbortController();
    const stdout = new Output();
    const running = run(['build', '--watch', '--pptx', '--no-fit', '-o', out, brief], { stdout: stdout.write, stderr: () => undefined, signal: stop.signal });
    const shows = async (word: string): Promise<boolean> => (await readPptx(pptx)).slides.some((s) => s.xml.includes(word));
    try {
      await stdout.until(/Watching/);
      expect(await shows('Zanzibar')).toBe(false);
      const builds = stdout.count('.pptx');
      await writeFile(brief, `${await readFile(brief, 'utf8')}\nA freshly written Zanzibar sentence.\n`);
      await stdout.until(() => stdout.count('.pptx') > builds);
      expect(await shows('Zanzibar')).toBe(true);
    } finally {
      stop.abort('SIGINT');
    }
    expect(await running).toBe(130);
  });
});
