import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { sectionStarts } from '../../src/split/furniture.js';
import { words } from '../../src/lex/markdown.js';
import { HANDOUT_LAYOUTS } from '../../src/render/handout-geometry.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';
import { workerBrowser } from '../helpers/browser.js';
import { readPdf } from '../helpers/pdf.js';
import { readPdfStructure } from '../helpers/pdf-structure.js';
import { readTextBoxes } from '../helpers/pdf-text-boxes.js';

const browser = workerBrowser();
const out = await tempDir();

afterAll(async () => {
  await out.remove();
});

function squeeze(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

async function handoutOf(file: string, layout: (typeof HANDOUT_LAYOUTS)[number], paper?: 'a4' | 'letter') {
  const outDir = path.join(out.dir, layout);
  // Packed by word budget alone: the layouts place slides on paper, whichever way they were split.
  const result = await buildDeck(file, { outDir, handout: true, handoutLayout: layout, paper, browser, fit: false, mode: 'full', dividers: 'all' });
  const pdfFile = path.join(outDir, result.deck.brief.name, `${result.deck.brief.name}-handout.pdf`);
  return { result, pdfFile, pdf: await readPdf(pdfFile) };
}

describe('handout layouts', () => {
  it.each(['2', '3'] as const)('layout %s on Letter keeps every slide, all the notes, and room to write', async (layout) => {
    const { result, pdfFile, pdf } = await handoutOf(fixture('handout-notes.md'), layout, 'letter');
    expect(pdf.sizes.every((s) => Math.abs(s.width - 612) < 1 && Math.abs(s.height - 792) < 1)).toBe(true);
    const text = squeeze(pdf.text.join(' '));
    for (let n = 1; n <= result.slides.length; n++) expect(text).toContain(squeeze(`${n} / ${result.slides.length}`));
    const have = new Set(words(pdf.text.join(' ')).map((w) => w.toLowerCase()));
    const noteWords = result.slides.flatMap((s) => s.notes.flatMap((n) => words(n).map((w) => w.toLowerCase())));
    expect(noteWords.filter((w) => !have.has(w))).toEqual([]);
    const { boxes, sizes } = await readTextBoxes(pdfFile);
    expect(boxes.filter((b) => b.y < 14 || b.y + b.height > sizes[b.page - 1].height - 14)).toEqual([]);
    // Short notes leave two or three slides on a page; the long notes flow on instead of being cut.
    const perPage = Number(layout);
    expect(pdf.pages).toBeGreaterThanOrEqual(1 + Math.ceil(result.slides.length / perPage));
    expect(pdf.pages).toBeLessThan(1 + result.slides.length);
  });

  it('layout 6 puts six slides on a page, two across and three down', async () => {
    const { result, pdf } = await handoutOf(fixture('handout-notes.md'), '6');
    expect(pdf.pages).toBe(1 + Math.ceil(result.slides.length / 6));
    const captions = (page: string) => result.slides.filter((_, i) => squeeze(page).includes(squeeze(`${i + 1} / ${result.slides.length}`))).length;
    expect(captions(pdf.text[1])).toBe(6);
    expect(captions(pdf.text[2])).toBe(result.slides.length - 6);
  });
});

describe('the example brief', () => {
  it('prints a slide PDF and a handout with the same bookmarks, tags and embedded fonts', async () => {
    const outDir = path.join(out.dir, 'example');
    const result = await buildDeck(EXAMPLE, { outDir, pdf: true, handout: true, browser });
    const dir = path.join(outDir, result.deck.brief.name);
    // Condensed, the example's sections are one or two slides each: no dividers, each bookmarked at its first slide.
    const sections = sectionStarts(result.slides).map((s) => s.title);
    expect(sections.length).toBeGreaterThan(3);
    expect(result.slides.some((s) => s.kind === 'section')).toBe(false);
    for (const name of [`${result.deck.brief.name}.pdf`, `${result.deck.brief.name}-handout.pdf`]) {
      const [pdf, structure] = await Promise.all([readPdf(path.join(dir, name)), readPdfStructure(path.join(dir, name))]);
      // Title, summary and agenda, the sections with their slides, then the closing slide.
      expect(structure.outline.map((b) => b.title)).toEqual([result.deck.brief.meta.title, 'Key judgements', 'Agenda', ...sections, 'Conclusion']);
      for (const b of structure.outline.slice(1)) expect(squeeze(pdf.text[b.page! - 1])).toContain(squeeze(b.title));
      expect(structure.tagged && structure.hasStructTree).toBe(true);
      expect(structure.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(pdf.info.Title).toBe(result.deck.brief.meta.title);
      expect(pdf.info.Subject).toBe(result.deck.brief.meta.subtitle);
    }
    const slides = await readPdf(path.join(dir, `${result.deck.brief.name}.pdf`));
    expect(slides.pages).toBe(result.slides.length);
  });
});
