import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

const browser = workerBrowser();
const work = await tempDir();
afterAll(async () => {
  await work.remove();
});

describe('handouts with --templates', () => {
  it("show the deck's own slide partials and the folder's handout cover", async () => {
    const templates = path.join(work.dir, 'house');
    await mkdir(path.join(templates, 'partials'), { recursive: true });
    await mkdir(path.join(templates, 'handout'), { recursive: true });
    const content = await readFile(path.join(TEMPLATES_DIR, 'partials', 'content.hbs'), 'utf8');
    await writeFile(path.join(templates, 'partials', 'content.hbs'), content.replace('<div class="bd-body"', '<p class="house-mark">HOUSESTYLEMARK</p>\n    <div class="bd-body"'));
    const cover = await readFile(path.join(TEMPLATES_DIR, 'handout', 'cover.hbs'), 'utf8');
    await writeFile(path.join(templates, 'handout', 'cover.hbs'), cover.replace('<h1 class="bd-ho-title">', '<p>HOUSECOVERMARK</p>\n  <h1 class="bd-ho-title">'));

    const result = await buildDeck(fixture('handout-notes.md'), { outDir: path.join(work.dir, 'out'), templates, handout: true, pdf: true, browser });
    const dir = path.join(work.dir, 'out', 'handout-notes');
    const deck = await readFile(path.join(dir, 'index.html'), 'utf8');
    // Content and summary slides are drawn by content.hbs.
    const contentSlides = result.deck.slides.filter((s) => s.kind === 'content' || s.kind === 'summary').length;
    expect(contentSlides).toBeGreaterThan(0);
    expect(deck.split('HOUSESTYLEMARK').length - 1).toBe(contentSlides);

    const handout = await readPdf(path.join(dir, 'handout-notes-handout.pdf'));
    const text = handout.text.join('\n');
    expect(text.split('HOUSESTYLEMARK').length - 1).toBe(contentSlides);
    expect(handout.text[0]).toContain('HOUSECOVERMARK');
    // The slide PDF is the deck: it has the mark on its content slides too.
    expect((await readPdf(path.join(dir, 'handout-notes.pdf'))).text.join('\n').split('HOUSESTYLEMARK').length - 1).toBe(contentSlides);
  });
});
