import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { workerBrowser } from '../helpers/browser.js';
import { readTextBoxes, type TextBox } from '../helpers/pdf-text-boxes.js';

const MARK = 'OFFICIAL-SENSITIVE';
const browser = workerBrowser();
const out = await tempDir();
const read: Record<'slides' | 'handout', { boxes: TextBox[]; sizes: Array<{ width: number; height: number }> }> = {} as never;

beforeAll(async () => {
  await buildDeck(fixture('printed/marking.md'), { outDir: out.dir, pdf: true, notes: true, handout: true, browser });
  const dir = path.join(out.dir, 'marking');
  read.slides = await readTextBoxes(path.join(dir, 'marking.pdf'));
  read.handout = await readTextBoxes(path.join(dir, 'marking-handout.pdf'));
});

afterAll(async () => {
  await out.remove();
});

const MM = 72 / 25.4;

/**
 * Where on each page the marking is drawn: 'top' or 'bottom', within `edge` points of that edge.
 * Letter-spaced capitals come out a glyph a run, so a line's runs are joined first.
 */
function markings(pdf: typeof read.slides, edge: { top: number; bottom: number }): string[][] {
  return pdf.sizes.map((size, i) => {
    const lines = new Map<number, TextBox[]>();
    for (const b of pdf.boxes.filter((b) => b.page === i + 1)) lines.set(Math.round(b.y), [...(lines.get(Math.round(b.y)) ?? []), b]);
    const at = [...lines].filter(([, runs]) => runs.sort((a, b) => a.x - b.x).map((r) => r.str).join('').replace(/\s+/g, '').includes(MARK)).map(([y]) => y);
    return [...new Set(at.flatMap((y) => (y > size.height - edge.top ? ['top'] : y < edge.bottom ? ['bottom'] : [])))].sort();
  });
}

describe('the protective marking on printed pages', () => {
  it('is at the top and bottom of every handout page, the cover too', () => {
    // In the page's margins (16 mm top, 20 mm bottom), not only on the slide pictures.
    const pages = markings(read.handout, { top: 16 * MM, bottom: 20 * MM });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages).toEqual(pages.map(() => ['bottom', 'top']));
  });

  it('is at the top and bottom of every --notes page, as on every slide page', () => {
    const notesPages = read.slides.sizes.map((_, i) => read.slides.boxes.some((b) => b.page === i + 1 && /notes for slide/i.test(b.str)));
    expect(notesPages.filter(Boolean).length).toBe(3);
    const height = read.slides.sizes[0].height;
    expect(markings(read.slides, { top: height * 0.1, bottom: height * 0.1 })).toEqual(notesPages.map(() => ['bottom', 'top']));
  });
});
