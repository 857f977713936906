import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build/build-deck.js';
import { words } from '../../src/lex/markdown.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { workerBrowser } from '../helpers/browser.js';
import { readPdf, type PdfReadBack } from '../helpers/pdf.js';
import { readPdfStructure, type PdfStructure } from '../helpers/pdf-structure.js';
import { readTextBoxes } from '../helpers/pdf-text-boxes.js';

const MM = 72 / 25.4;
const browser = workerBrowser();
const out = await tempDir();
let result: BuildResult;
const files = { slides: '', handout: '', html: '' };
const read: { slides?: PdfReadBack; handout?: PdfReadBack; slidesStructure?: PdfStructure; handoutStructure?: PdfStructure } = {};

function wordSet(text: string): Set<string> {
  return new Set(words(text).map((w) => w.toLowerCase()));
}

/** Page text as a reader copies it: case and spacing (letter-spaced capitals, runs) set aside. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

function pageWith(pdf: PdfReadBack, needle: string): number {
  return pdf.text.findIndex((t) => squeeze(t).includes(squeeze(needle))) + 1;
}

beforeAll(async () => {
  result = await buildDeck(fixture('handout-notes.md'), { outDir: out.dir, pdf: true, notes: true, stripNotes: true, handout: true, browser, mode: 'full', dividers: 'all' });
  const dir = path.join(out.dir, 'handout-notes');
  files.slides = path.join(dir, 'handout-notes.pdf');
  files.handout = path.join(dir, 'handout-notes-handout.pdf');
  files.html = path.join(dir, 'index.html');
  [read.slides, read.handout, read.slidesStructure, read.handoutStructure] = await Promise.all([
    readPdf(files.slides),
    readPdf(files.handout),
    readPdfStructure(files.slides),
    readPdfStructure(files.handout),
  ]);
});

afterAll(async () => {
  await out.remove();
});

describe('handout and slide PDF of a brief with notes', () => {
  it('writes the deck, the slide PDF and the handout, and nothing else', () => {
    expect(result.outputs.map((f) => path.basename(f)).sort()).toEqual(['handout-notes-handout.pdf', 'handout-notes.pdf', 'index.html']);
  });

  it('strips the notes from the HTML but prints them in both PDFs', async () => {
    const html = await readFile(files.html, 'utf8');
    expect(html).not.toContain('class="notes"');
    expect(html).not.toContain('Summary notes');
    const withNotes = result.slides.filter((s) => s.notes.length > 0).length;
    expect(withNotes).toBe(3);
    // One page per slide, one or more after each slide with notes (the long ones flow on).
    expect(read.slides!.pages).toBeGreaterThan(result.slides.length + withNotes);
    expect(pageWith(read.slides!, 'Notes for slide 2 · Summary')).toBe(3);
  });

  it('has every word of every slide\'s notes in the handout and in the --notes slide PDF', () => {
    const handout = wordSet(read.handout!.text.join(' '));
    const slides = wordSet(read.slides!.text.join(' '));
    const noteWords = result.slides.flatMap((s) => s.notes.flatMap((n) => words(n).map((w) => w.toLowerCase())));
    expect(noteWords.length).toBeGreaterThan(900);
    expect(noteWords.filter((w) => !handout.has(w))).toEqual([]);
    expect(noteWords.filter((w) => !slides.has(w))).toEqual([]);
  });

  it('prints the handout on A4 for en-GB, with a cover, page numbers and the short title', () => {
    const handout = read.handout!;
    expect(handout.sizes.every((s) => Math.abs(s.width - 210 * MM) < 1 && Math.abs(s.height - 297 * MM) < 1)).toBe(true);
    for (const line of ['Institute for Testing · Handout', 'Handout fixture: notes that flow', 'Ada Analyst · Policy Planning', 'Contents']) {
      expect(squeeze(handout.text[0])).toContain(squeeze(line));
    }
    expect(handout.text[0]).not.toMatch(/\b1 \/ \d/);
    for (let i = 1; i < handout.pages; i++) {
      expect(handout.text[i]).toContain(`${i + 1} / ${handout.pages}`);
      expect(handout.text[i]).toContain('Handout fixture');
    }
  });

  it('draws no text past a page edge, and keeps each slide picture whole on one page', async () => {
    for (const [file, margin] of [[files.handout, 5 * MM], [files.slides, 0]] as const) {
      const { boxes, sizes } = await readTextBoxes(file);
      const outside = boxes.filter((b) => {
        const size = sizes[b.page - 1];
        return b.y < margin || b.y + b.height > size.height - margin || b.x < 0 || b.x + b.width > size.width + 0.5;
      });
      expect(outside).toEqual([]);
    }
    // Each slide's own footer number is on the same page as its caption in the handout.
    const handout = read.handout!;
    const total = result.slides.length;
    for (let n = 1; n <= total; n++) expect(handout.text.some((t) => t.includes(`${n} / ${total}`))).toBe(true);
  });

  it('sets the metadata, language and tags of both PDFs', () => {
    for (const [pdf, structure] of [[read.slides!, read.slidesStructure!], [read.handout!, read.handoutStructure!]] as const) {
      expect(pdf.info.Title).toBe('Handout fixture: notes that flow');
      expect(pdf.info.Author).toBe('Ada Analyst, Ben Adviser');
      expect(pdf.info.Subject).toBe('A brief whose notes carry the full prose');
      expect(pdf.info.Keywords).toBe('handouts, notes, arms control');
      expect(pdf.info.Producer).toMatch(/^briefdeck /);
      expect(String(pdf.info.CreationDate)).toMatch(/^D:\d{14}/);
      expect(pdf.info.Language).toBe('en-GB');
      expect(structure.tagged).toBe(true);
      expect(structure.hasStructTree).toBe(true);
      expect(structure.xmp).toContain('<rdf:li xml:lang="x-default">Handout fixture: notes that flow</rdf:li>');
      expect(structure.xmp).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
      expect(structure.fonts.length).toBeGreaterThan(0);
      expect(structure.fonts.filter((f) => !f.embedded)).toEqual([]);
    }
  });

  it('bookmarks the title, summary and sections, each opening its own page', () => {
    for (const [pdf, structure] of [[read.slides!, read.slidesStructure!], [read.handout!, read.handoutStructure!]] as const) {
      expect(structure.outline.map((b) => b.title)).toEqual(['Handout fixture: notes that flow', 'Summary', 'Findings', 'Outlook', 'Annex']);
      for (const bookmark of structure.outline.slice(1)) {
        expect(bookmark.page, bookmark.title).toBeGreaterThan(0);
        expect(squeeze(pdf.text[bookmark.page! - 1])).toContain(squeeze(bookmark.title));
      }
      expect(structure.outline[2].children.map((b) => b.title)).toEqual(['Findings']);
    }
    expect(read.slidesStructure!.outline.map((b) => b.page)).toEqual([1, 2, 4, pageWith(read.slides!, '02 Outlook'), pageWith(read.slides!, '03 Annex')]);
  });

  it('keeps external links, and internal links jump to their page', () => {
    for (const structure of [read.slidesStructure!, read.handoutStructure!]) {
      expect(structure.links.some((l) => l.uri === 'https://example.org/report')).toBe(true);
    }
    const slides = read.slides!;
    const toOutlook = read.slidesStructure!.links.find((l) => l.target !== undefined && l.page === pageWith(slides, 'link to the outlook'));
    expect(toOutlook?.target).toBe(pageWith(slides, '02 Outlook'));
    // The same link inside the slide picture in the handout jumps to the Outlook slide's page there.
    const handout = read.handout!;
    const inHandout = read.handoutStructure!.links.filter((l) => l.target !== undefined && l.page === pageWith(handout, 'link to the outlook'));
    expect(inHandout.map((l) => l.target)).toContain(pageWith(handout, '02 Outlook'));
    const contents = read.handoutStructure!.links.filter((l) => l.page === 1 && l.target !== undefined);
    expect(contents.length).toBe(4);
    for (const link of contents) expect(link.target).toBeGreaterThan(1);
  });

  it('stays small: text slides well under 100 KB a page', async () => {
    for (const [file, pdf] of [[files.slides, read.slides!], [files.handout, read.handout!]] as const) {
      expect((await stat(file)).size / pdf.pages).toBeLessThan(100 * 1024);
    }
  });
});
