import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { loadIndexTemplate } from '../../src/load/load-templates.js';
import { renderIndex } from '../../src/render/render-index.js';
import { readManifest, type Manifest } from '../../src/cache/manifest.js';
import { entryOf, writeDeckIndex } from '../../src/write/write-index.js';
import { fixtureCopy } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
let out: string;

beforeEach(async () => {
  ({ dir, remove } = await fixtureCopy('serve'));
  out = path.join(dir, 'dist');
});
afterEach(() => remove());

describe('the deck listing (dist/index.html)', () => {
  it('is not written for a single deck', async () => {
    await buildDeck(path.join(dir, 'content', 'brief.md'), { outDir: out });
    expect(await writeDeckIndex(out)).toBeUndefined();
    await expect(stat(path.join(out, 'index.html'))).rejects.toThrow();
  });

  it('lists every deck with title, date and slide count, newest first, and is recorded as ours', async () => {
    const a = await buildDeck(path.join(dir, 'content', 'brief.md'), { outDir: out });
    const b = await buildDeck(path.join(dir, 'content', 'with-image.md'), { outDir: out });
    const written = await writeDeckIndex(out);
    expect(written).toBe(path.join(out, 'index.html'));
    const html = await readFile(written!, 'utf8');
    const titles = [...html.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(titles).toEqual([
      ['brief/index.html', 'Live reload brief'],
      ['with-image/index.html', 'A brief with an image'],
    ]);
    expect(html).toContain('November 28, 2026');
    expect(html).toContain(`${a.deck.slides.length} slides`);
    expect(html).toContain(`${b.deck.slides.length} slides`);
    expect(html).not.toContain('.pdf');
    expect((await readManifest(out))!.files['index.html']).toBeDefined();
    expect(await writeDeckIndex(out)).toBeUndefined();
  });

  it('is written beside deck folders only: a dist/ holding the user\'s files is refused unless forced', async () => {
    await buildDeck(path.join(dir, 'content', 'brief.md'), { outDir: out });
    await buildDeck(path.join(dir, 'content', 'with-image.md'), { outDir: out });
    await writeFile(path.join(out, 'notes.txt'), 'mine');
    await expect(writeDeckIndex(out)).rejects.toMatchObject({ code: 'output-not-ours', message: expect.stringContaining(`${out} already holds files briefdeck did not write (notes.txt)`) });
    await expect(stat(path.join(out, 'index.html'))).rejects.toThrow();
    expect(await writeDeckIndex(out, { force: true })).toBe(path.join(out, 'index.html'));
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a folder that is not a deck (no manifest) is not ours either', async () => {
    await buildDeck(path.join(dir, 'content', 'brief.md'), { outDir: out });
    await buildDeck(path.join(dir, 'content', 'with-image.md'), { outDir: out });
    await mkdir(path.join(out, 'photos'));
    await writeFile(path.join(out, 'photos', 'a.jpg'), 'jpeg');
    await expect(writeDeckIndex(out)).rejects.toMatchObject({ code: 'output-not-ours', message: expect.stringContaining('(photos)') });
  });

  it('links the PDFs built from the current input only', async () => {
    const manifest: Manifest = {
      tool: 'briefdeck',
      version: '0',
      files: { 'index.html': { sha256: 'a', bytes: 1 }, 'x.pdf': { sha256: 'b', bytes: 1 }, 'x-handout.pdf': { sha256: 'c', bytes: 1 } },
      input: { key: 'k', outputs: ['index.html', 'x.pdf'], diagnostics: [] },
      deck: { brief: 'content/x.md', title: 'X & Y', slides: [{ id: 'title', sha256: 'd' }] },
    };
    const entry = entryOf('x', manifest)!;
    expect(entry.pdfs).toEqual(['x.pdf']);
    const html = renderIndex([entry], await loadIndexTemplate());
    expect(html).toContain('<a href="x/x.pdf">PDF</a>');
    expect(html).not.toContain('x-handout.pdf');
    expect(html).toContain('X &amp; Y');
  });
});
