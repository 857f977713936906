import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { readPdf, withPdf } from '../helpers/pdf.js';
import { readPdfStructure } from '../helpers/pdf-structure.js';

/** The document language in the PDF's catalog (which may sit in a compressed object stream). */
async function pdfLang(file: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText();
}

let session: BrowserSession;
let root: string;
let remove: () => Promise<void>;

async function build(name: string): Promise<{ result: BuildResult; pdfFile: string }> {
  const result = await buildDeck(fixture(`${name}.md`), { outDir: root, pdf: true, browser: session });
  return { result, pdfFile: result.outputs.find((o) => o.endsWith('.pdf'))! };
}

/** Where the text of a page sits: the mean x of its text items' starts, as a share of the page width. */
function textCentre(pdfFile: string, pageNumber: number): Promise<number> {
  return withPdf(pdfFile, async (doc) => {
    const page = await doc.getPage(pageNumber);
    const width = page.view[2] - page.view[0];
    const xs = (await page.getTextContent()).items.flatMap((item) => ('str' in item && item.str.trim() ? [item.transform[4] + item.width / 2] : []));
    return xs.reduce((a, b) => a + b, 0) / xs.length / width;
  });
}

/**
 * Font names used in a PDF (subset tags removed), read in-process with pdf-lib; every one must be
 * embedded (a FontFile, FontFile2 or FontFile3 in its descriptor), or a viewer would substitute it.
 */
async function fontsOf(pdfFile: string): Promise<string[]> {
  const { fonts } = await readPdfStructure(pdfFile);
  expect(fonts.filter((f) => !f.embedded).map((f) => f.name)).toEqual([]);
  return [...new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))];
}

beforeAll(async () => {
  session = workerBrowser();
  ({ dir: root, remove } = await tempDir());
});
afterAll(async () => {
  await remove();
});

describe('languages in the deck and the PDF', () => {
  it('German: translated labels in the HTML and the PDF, laid out left to right', async () => {
    const { result, pdfFile } = await build('lang-de');
    expect(result.deck.html).toMatch(/<html lang="de" dir="ltr">/);
    const pdf = await readPdf(pdfFile);
    expect(pdf.text[1]).toContain('Kernaussagen');
    expect(pdf.text[2]).toContain('Agenda');
    expect(pdf.text.at(-1)).toContain('Fazit');
    expect(await textCentre(pdfFile, 2)).toBeLessThan(0.5);
    // The tagged PDF carries the document language for screen readers.
    expect(await pdfLang(pdfFile)).toBe('de');
  });

  it('Arabic: translated labels, right-to-left slides and pages, drawn in Noto Sans Arabic', async () => {
    const { result, pdfFile } = await build('lang-ar');
    expect(result.deck.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(result.deck.html).toContain('"rtl":true');
    expect(result.deck.html).toMatch(/<h2 class="bd-heading">الأحكام الرئيسية<\/h2>/);
    expect(result.deck.html).toMatch(/aria-label="الشريحة 1 من \d+"/);
    const pdf = await readPdf(pdfFile);
    expect(pdf.pages).toBe(result.deck.slides.length);
    expect(await pdfLang(pdfFile)).toBe('ar');
    // The summary page's text stands against the right edge.
    expect(await textCentre(pdfFile, 2)).toBeGreaterThan(0.5);
    const fonts = await fontsOf(pdfFile);
    expect(fonts).toContain('NotoSansArabic-Regular');
    expect(fonts.filter((f) => !/^(?:NotoSans|IBMPlex)/.test(f))).toEqual([]);
  });

  it('Latin, Cyrillic, Greek, Chinese, Japanese, Korean, Arabic and Hebrew all draw in bundled fonts, no fallback', async () => {
    const { result, pdfFile } = await build('scripts-mixed');
    const fonts = await fontsOf(pdfFile);
    for (const family of ['IBMPlexSans', 'NotoSansSC', 'NotoSansKR', 'NotoSansArabic', 'NotoSansHebrew']) {
      expect(fonts.some((f) => f.startsWith(family)), family).toBe(true);
    }
    expect(fonts.filter((f) => !/^(?:NotoSans|IBMPlex)/.test(f))).toEqual([]);
    // pdf.js reads CJK runs as separate items; compare without the spaces it puts between them.
    const text = (await readPdf(pdfFile)).text.join('').replace(/\s+/g, '');
    for (const word of ['Энергетическая', 'Ενεργειακή', '能源安全', '에너지', 'エネルギー']) expect(text).toContain(word);
    // Only the subsets this text uses are inlined: a few, not the ~100 files per CJK weight.
    expect(result.deck.html.length).toBeLessThan(2_500_000);
  });
});
