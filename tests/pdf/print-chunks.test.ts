import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { exportPdf } from '../../src/pdf/export-pdf.js';
import { MeasureMemo } from '../../src/fit/measure-memo.js';
import { measureDeck } from '../../src/fit/measure-page.js';
import { measureSlides } from '../../src/fit/measure-slides.js';
import { chunkRanges } from '../../src/browser/run-on-pages.js';
import { loadHandout } from '../../src/load/load-handout.js';
import type { Deck, RenderInput } from '../../src/types.js';
import { testBrowser, workerBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/fixtures.js';
import { readPdf, type PdfReadBack } from '../helpers/pdf.js';
import { readPdfStructure, type PdfStructure } from '../helpers/pdf-structure.js';

const SECTIONS = 12;
const CHUNK = 8;
const browser = workerBrowser();
const out = await tempDir();

/** A brief of about 30 slides: links forward to the last section and to the sources, and notes. */
function brief(): string {
  const parts = ['---', 'title: "Chunked printing"', 'lang: en-GB', 'mode: full', 'dividers: all', '---', '', 'The summary says what the chunks must keep.', ''];
  for (let i = 1; i <= SECTIONS; i++) {
    parts.push(`## Part ${i} finding`, '');
    if (i === 1) parts.push(`See [the last part](#part-${SECTIONS}-finding) and a source.[^src]`, '');
    parts.push(`Paragraph one of part ${i}, written out at some length so that the section takes a slide of its own.`, '');
    parts.push(`Paragraph two of part ${i}. ${'More words on the same finding. '.repeat(6)}`, '');
    if (i % 3 === 0) parts.push(`<!-- notes: Notes for part ${i}, printed after its slide. -->`, '');
  }
  parts.push('[^src]: The source of part one, listed on the sources slide.', '');
  return parts.join('\n');
}

/** Page text with pdf.js's item spacing set aside: a chunk's first page may split its runs differently. */
const spaced = (pages: string[]): string[] => pages.map((t) => t.replace(/\s+/g, ' ').trim());

interface Printed {
  pdf: PdfReadBack;
  structure: PdfStructure;
  doc: PDFDocument;
}

let deck: Deck;
let input: RenderInput;
let htmlPath: string;
const testBrowserFresh = testBrowser();
const printed: Record<'whole' | 'chunked' | 'wholeNotes' | 'chunkedNotes', Printed> = {} as never;

async function print(name: keyof typeof printed, options: { chunkSize?: number; notes?: boolean }): Promise<void> {
  const file = path.join(out.dir, `${name}.pdf`);
  const notesPageCss = options.notes ? (await loadHandout()).notesPageCss : undefined;
  await exportPdf(browser, htmlPath, file, deck, new Diagnostics(), { ...options, notesPageCss });
  printed[name] = { pdf: await readPdf(file), structure: await readPdfStructure(file), doc: await PDFDocument.load(await readFile(file), { updateMetadata: false }) };
}

beforeAll(async () => {
  const source = path.join(out.dir, 'chunked.md');
  await writeFile(source, brief());
  ({ deck, input } = await composeDeck(source));
  htmlPath = path.join(out.dir, 'index.html');
  await writeFile(htmlPath, deck.html);
  await print('whole', {});
  await print('chunked', { chunkSize: CHUNK });
  await print('wholeNotes', { notes: true });
  await print('chunkedNotes', { notes: true, chunkSize: CHUNK });
}, 240_000);

afterAll(() => out.remove());

describe('chunkRanges', () => {
  it('cuts into even consecutive chunks that cover every slide once', () => {
    expect(chunkRanges(30, 8)).toEqual([{ start: 0, end: 8 }, { start: 8, end: 16 }, { start: 16, end: 24 }, { start: 24, end: 30 }]);
    expect(chunkRanges(100, 40).map((r) => r.end - r.start)).toEqual([34, 34, 32]);
    expect(chunkRanges(8, 8)).toEqual([{ start: 0, end: 8 }]);
    expect(chunkRanges(0, 8)).toEqual([]);
  });
});

describe('a deck printed in chunks and merged', () => {
  it('goes through several chunks (the test deck is large enough)', () => {
    expect(deck.slides.length).toBeGreaterThan(3 * CHUNK);
    expect(chunkRanges(deck.slides.length, CHUNK).length).toBeGreaterThanOrEqual(4);
  });

  it('has one page per slide, with the same text on each page, in order, as one print of the whole', () => {
    const { whole, chunked } = printed;
    expect(chunked.pdf.pages).toBe(deck.slides.length);
    expect(spaced(chunked.pdf.text)).toEqual(spaced(whole.pdf.text));
    expect(chunked.pdf.sizes).toEqual(whole.pdf.sizes);
    // The footers' numbers come from the deck, so a chunk does not restart them.
    expect(chunked.pdf.text[deck.slides.length - 1]).toContain(`${deck.slides.length} / ${deck.slides.length}`);
  });

  it('keeps the bookmarks, each opening the page of its slide', () => {
    const { whole, chunked } = printed;
    expect(chunked.structure.outline).toEqual(whole.structure.outline);
    const titles = chunked.structure.outline.map((b) => b.title);
    expect(titles).toContain(`Part ${SECTIONS} finding`);
    expect(chunked.structure.outline.every((b) => b.page !== undefined && b.page > 0)).toBe(true);
  });

  it('keeps links to slides printed in another chunk, resolving to their page', () => {
    const { chunked, whole } = printed;
    const target = deck.slides.findIndex((s) => s.id === `part-${SECTIONS}-finding`) + 1;
    const from = chunked.pdf.text.findIndex((t) => t.includes('the last part')) + 1;
    const ranges = chunkRanges(deck.slides.length, CHUNK);
    const chunkOf = (page: number): number => ranges.findIndex((r) => page - 1 >= r.start && page - 1 < r.end);
    expect(chunkOf(from)).not.toBe(chunkOf(target));
    const internal = chunked.structure.links.filter((l) => l.page === from && l.uri === undefined);
    expect(internal.map((l) => l.target)).toContain(target);
    expect(chunked.structure.links).toEqual(whole.structure.links);
  });

  it('stays tagged: one structure tree over every page, language, metadata and embedded fonts', () => {
    const { structure: chunked, doc } = printed.chunked;
    expect(chunked.tagged).toBe(true);
    expect(chunked.hasStructTree).toBe(true);
    expect(chunked.lang).toBe('en-GB');
    expect(printed.chunked.pdf.info.Title).toBe('Chunked printing');
    expect(chunked.fonts.length).toBeGreaterThan(0);
    expect(chunked.fonts.filter((f) => !f.embedded)).toEqual([]);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const parentTree = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const keys = new Set<number>();
    for (let i = 0; i < parentTree.size(); i += 2) keys.add((parentTree.lookup(i) as PDFNumber).asNumber());
    const pages = doc.getPages();
    // Every page's marked content finds its structure elements under its own, distinct key.
    const pageKeys = pages.map((p) => (p.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber());
    expect(new Set(pageKeys).size).toBe(pages.length);
    for (const key of pageKeys) expect(keys.has(key)).toBe(true);
    expect((root.get(PDFName.of('ParentTreeNextKey')) as PDFNumber).asNumber()).toBeGreaterThan(Math.max(...pageKeys));
  });

  it('ties every structure element to a page of the document, under one Document element', () => {
    const { doc } = printed.chunked;
    const P = PDFName.of('P');
    const pageRefs = new Set(doc.getPages().map((p) => p.ref.toString()));
    const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot')) as PDFRef;
    const topRef = doc.context.lookup(rootRef, PDFDict).get(PDFName.of('K')) as PDFRef;
    expect(doc.context.lookup(topRef, PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    const pagesSeen = new Set<string>();
    let elements = 0;
    const kidsOf = (node: PDFDict) => {
      const k = node.get(PDFName.of('K'));
      const value = k && doc.context.lookup(k);
      return value instanceof PDFArray ? value.asArray() : k ? [k] : [];
    };
    const walk = (ref: PDFRef, parent: PDFRef): void => {
      const node = doc.context.lookup(ref, PDFDict);
      elements++;
      expect(node.get(P)?.toString()).toBe(parent.toString());
      for (const dict of [node, ...kidsOf(node).filter((k) => k instanceof PDFDict)] as PDFDict[]) {
        const pg = dict.get(PDFName.of('Pg'));
        if (!pg) continue;
        expect(pageRefs.has(pg.toString())).toBe(true);
        pagesSeen.add(pg.toString());
      }
      for (const kid of kidsOf(node)) if (kid instanceof PDFRef && doc.context.lookup(kid) instanceof PDFDict) walk(kid, ref);
    };
    walk(topRef, rootRef);
    expect(elements).toBeGreaterThan(deck.slides.length);
    // Content on every page is reached from the one tree: no chunk's pages are left out of it.
    expect(pagesSeen.size).toBe(doc.getPageCount());
  });

  it('labels --notes pages with the slide numbers of the whole deck, not of the chunk', () => {
    const { wholeNotes, chunkedNotes } = printed;
    expect(chunkedNotes.pdf.pages).toBeGreaterThan(deck.slides.length);
    expect(spaced(chunkedNotes.pdf.text)).toEqual(spaced(wholeNotes.pdf.text));
    expect(chunkedNotes.pdf.text.some((t) => t.includes(`Notes for part ${SECTIONS}`))).toBe(true);
    expect(chunkedNotes.structure.outline).toEqual(wholeNotes.structure.outline);
  });
  it('leaves no chunk files beside the deck', async () => {
    expect((await readdir(out.dir)).filter((f) => f.includes('.chunk-'))).toEqual([]);
  });
});

describe('a deck measured in chunks', () => {
  it('measures every slide exactly as one layout of the whole deck does, and only once', async () => {
    const whole = await measureDeck(testBrowserFresh, deck);
    const chunks = testBrowser();
    try {
      const memo = new MeasureMemo();
      const chunked = await measureSlides(chunks, memo, deck, input.slides, input, { chunkSize: CHUNK });
      expect(chunked.measures).toHaveLength(deck.slides.length);
      expect(chunked.measures).toEqual(whole);
      expect(chunked.laidOut).toBe(deck.slides.length);
      // Several chunks went through parallel pages: more pages than one, never more than the cores.
      expect(chunks.stats.pagesOpened).toBeGreaterThan(1);
      expect(chunks.stats.peakPages).toBeLessThanOrEqual(chunks.maxPages);
      // The deck has slides that overflow a little or use their room differently; equal is not trivially zero.
      expect(new Set(whole.map((m) => Math.round(m.used))).size).toBeGreaterThan(3);
      // Known now: asked again, nothing is laid out.
      expect(await measureSlides(chunks, memo, deck, input.slides, input, { chunkSize: CHUNK })).toEqual({ measures: whole, laidOut: 0 });
    } finally {
      await chunks.close();
      await testBrowserFresh.close();
    }
  }, 120_000);
});
