import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { words } from '../../src/lex/markdown.js';
import { workerBrowser } from '../helpers/browser.js';
import { EXAMPLE, fixture, fixtureNames, tempDir } from '../helpers/fixtures.js';
import { officeFonts, officeToPdf } from '../helpers/office.js';
import { readTextBoxes, type TextBox } from '../helpers/pdf-text-boxes.js';
import { readPptx, textOf, type Pptx, type Shape } from '../helpers/pptx.js';
import { sourceWords } from '../helpers/lost-words.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { loadBrief } from '../../src/load/load-brief.js';

/**
 * The .pptx as an office suite shows it: LibreOffice renders every deck (the example in both modes
 * and every fixture) to PDF in one run, with the deck's own fonts, and the PDF is read back.
 */
interface Rendered {
  pptx: Pptx;
  boxes: TextBox[];
  pages: Array<{ width: number; height: number }>;
}

/**
 * The example as it ships, fitted in Chromium; the fixtures (each an edge case of content, not of
 * fit) packed by word budget alone, which halves the test's time: the .pptx is laid out in Chromium either way.
 */
const decks: Array<{ label: string; file: string; mode?: 'full' | 'condensed'; fit: boolean }> = [
  { label: 'example-full', file: EXAMPLE, mode: 'full', fit: true },
  { label: 'example-condensed', file: EXAMPLE, mode: 'condensed', fit: true },
  ...(await fixtureNames()).map((name) => ({ label: name.replace(/\.md$/, ''), file: fixture(name), fit: false })),
];
const rendered = new Map<string, Rendered>();
let session: BrowserSession;
let remove: () => Promise<void>;

// A right-to-left paragraph's automatic number comes back in visual order (".1").
const RE_AUTONUMBER = /^(\d+\.|\.\d+)$/;
const RE_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Arabic letters of one skeleton (ف and ق, ب ت ث ن ي, the alefs, …) share their dotless glyph in the font, and
 * the PDF maps that glyph back to one of them: they compare by skeleton.
 */
const ARABIC_SKELETONS: Array<[RegExp, string]> = [[/[اأإآٱ]/g, 'ا'], [/[بتثنيىئ]/g, 'ٮ'], [/[جحخ]/g, 'ح'], [/[دذ]/g, 'د'], [/[رز]/g, 'ر'], [/[سش]/g, 'س'], [/[صض]/g, 'ص'], [/[طظ]/g, 'ط'], [/[عغ]/g, 'ع'], [/[فق]/g, 'ف']];

/** Text without spaces or PDF control characters, in canonical form: Arabic comes back from the PDF in presentation forms, letter by letter. */
function squeeze(text: string): string {
  const plain = text.normalize('NFKC').replace(/[\s\u0000-\u001f\u200b-\u200f]/g, '');
  return ARABIC_SKELETONS.reduce((t, [re, to]) => t.replace(re, to), plain);
}

function occurrences(text: string, part: string): number {
  return part === '' ? 0 : text.split(part).length - 1;
}

function tally(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** A PDF text item in slide points from the top left. */
function itemBox(box: TextBox, pageHeight: number): { x: number; y: number; w: number; h: number } {
  return { x: box.x, y: pageHeight - box.y - box.height, w: box.width, h: box.height };
}

/** Inside `shape`, give or take a fraction of a line (office suites place baselines a little apart). */
function inside(item: { x: number; y: number; w: number; h: number }, shape: Shape): boolean {
  const slack = Math.max(2, item.h * 0.35);
  return item.x >= shape.x - 2 && item.x + item.w <= shape.x + shape.w + 2 && item.y >= shape.y - slack && item.y + item.h <= shape.y + shape.h + slack;
}

beforeAll(async () => {
  session = workerBrowser();
  const temp = await tempDir();
  remove = temp.remove;
  const files: string[] = [];
  for (const deck of decks) {
    const result = await buildDeck(deck.file, { outDir: path.join(temp.dir, deck.label), pptx: true, mode: deck.mode, fit: deck.fit, browser: session });
    files.push(result.outputs.find((o) => o.endsWith('.pptx'))!);
  }
  // Every .pptx has its own name: the example's two modes are copied apart by their folder.
  const named = await Promise.all(files.map(async (f, i) => {
    const to = path.join(temp.dir, `${decks[i].label}.pptx`);
    await (await import('node:fs/promises')).copyFile(f, to);
    return to;
  }));
  const pdfs = await officeToPdf(named, temp.dir, await officeFonts(temp.dir));
  for (const [i, deck] of decks.entries()) {
    const { boxes, sizes } = await readTextBoxes(pdfs[i]);
    rendered.set(deck.label, { pptx: await readPptx(named[i]), boxes, pages: sizes });
  }
}, 900_000);

afterAll(async () => {
  await remove?.();
});

describe('every word of the brief is in the .pptx', () => {
  it.each(decks.map((d) => d.label))('%s: on its slides or in their notes', async (label) => {
    const deck = decks.find((d) => d.label === label)!;
    const brief = await loadBrief(deck.file, new Diagnostics(), { mode: deck.mode });
    const { pptx } = rendered.get(label)!;
    const shown = tally(pptx.slides.flatMap((s) => words([...s.shapes, ...s.layoutShapes].map((x) => `${x.text} ${x.descr ?? ''}`).join(' ') + ' ' + textOf(s.notes ?? ''))));
    const lost = [...tally(sourceWords(lexBrief(brief).blocks))].filter(([w, n]) => (shown.get(w) ?? 0) < n).map(([w]) => w);
    expect(lost).toEqual([]);
  });
});

describe('LibreOffice renders each .pptx as the deck laid it out', () => {
  it.each(decks.map((d) => d.label))('%s: a page per slide, every word of a slide on its page, none outside its page or its shape', (label) => {
    const { pptx, boxes, pages } = rendered.get(label)!;
    expect(pages.length).toBe(pptx.slides.length);
    pptx.slides.forEach((slide, i) => {
      const page = pages[i];
      const items = boxes.filter((b) => b.page === i + 1);
      const shapes = [...slide.shapes, ...slide.layoutShapes].filter((s) => s.text.trim() !== '');
      const misplaced: string[] = [];
      for (const item of items) {
        const box = itemBox(item, page.height);
        if (box.x < -1 || box.y < -1 || box.x + box.w > page.width + 1 || box.y + box.h > page.height + 1) misplaced.push(`${item.str} (off the page)`);
        const text = squeeze(item.str);
        // Zero-width runs (joiners, combining marks the PDF keeps apart) draw nothing.
        if (item.width < 0.5) continue;
        // List markers (automatic numbers, bullet characters) are drawn by the office suite, not written as text.
        if (text === '' || (RE_AUTONUMBER.test(text) && slide.xml.includes('<a:buAutoNum')) || slide.xml.includes(`<a:buChar char="${text}"/>`)) continue;
        const owners = shapes.filter((s) => squeeze(s.text).includes(text));
        if (!owners.some((s) => inside(box, s))) misplaced.push(`"${item.str}" at ${box.x.toFixed(0)},${box.y.toFixed(0)} ${box.w.toFixed(0)}×${box.h.toFixed(0)}`);
      }
      expect(misplaced, `slide ${i + 1} of ${label}`).toEqual([]);
      // A word may come back split into glyph runs (Arabic) or in visual order (right to left): it
      // counts as shown when its letters stand together, in either order, in the page's text.
      const pageText = squeeze(items.map((b) => b.str).join(''));
      const backwards = Array.from(pageText).reverse().join('');
      const shown = tally(items.flatMap((b) => words(b.str)));
      const slideWords = shapes.flatMap((s) => words(s.text));
      const missing = [...tally(slideWords.filter((w) => !RE_RTL.test(w)))]
        .filter(([w, n]) => (shown.get(w) ?? 0) < n && Math.max(occurrences(pageText, squeeze(w)), occurrences(backwards, squeeze(w))) < n)
        .map(([w]) => w);
      // Right-to-left text comes back in glyph runs in visual order: its letters are counted instead.
      const pageLetters = tally(Array.from(pageText));
      for (const [letter, n] of tally(Array.from(squeeze(slideWords.filter((w) => RE_RTL.test(w)).join(''))))) if ((pageLetters.get(letter) ?? 0) < n) missing.push(letter);
      expect(missing, `words of slide ${i + 1} of ${label} not on its page`).toEqual([]);
    });
  });
});
