import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import createDebug from 'debug';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { Diagnostics } from '../diagnostics.js';
import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { browserStep, type BrowserJob } from '../browser/browser-step.js';
import { finishPdf } from './finish-pdf.js';
import { outlineOf } from './outline.js';
import { printInChunks, type PrintChunks } from './print-chunks.js';
import { labelsFor } from '../i18n/labels.js';
import { keepLinksAcross, labelNotesPages, linkEverySlide } from './print-helpers.js';
import { runOnPages } from '../browser/run-on-pages.js';
import { confinePage, wasBlocked, reportBlocked } from '../browser/serve-html.js';
import { chunkRanges, type SlideRange } from '../browser/run-on-pages.js';

const debug = createDebug('briefdeck:steps');

export interface PdfOptions {
  /** `--notes`: each slide's notes on the page after it (reveal.js's `separate-page` layout). */
  notes?: boolean;
  /** Styles for those notes pages (templates/handout/notes-page.css). */
  notesPageCss?: string;
  /** Slides per print job; a larger deck is printed in chunks (default CHUNK_SLIDES). */
  chunkSize?: number;
}

/** Page errors and failed requests become diagnostics instead of vanishing (a blank PDF is a bug). */
export function forwardPageEvents(page: Page, deck: Deck, diagnostics: Diagnostics): void {
  const at = { file: deck.brief.file, line: 1 };
  page.on('pageerror', (error) => diagnostics.warn('page-error', `script error in the deck: ${(error as Error).message.split('\n')[0]}`, at));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith('data:') && !wasBlocked(request)) diagnostics.warn('request-failed', `the deck could not load ${request.url()}`, at);
  });
}

/**
 * Loads slides `range` of the deck (all of it, or the chunk that `htmlPath` holds) in `page` and
 * prints them to PDF bytes. A chunk gets `deckIds`, so its links to other chunks survive.
 */
async function printSlides(page: Page, job: BrowserJob, htmlPath: string, options: PdfOptions, range: SlideRange, deckIds: string[]): Promise<Uint8Array> {
  const { deck } = job;
  const count = range.end - range.start;
  const url = `${pathToFileURL(htmlPath).href}?print-pdf${options.notes ? '&showNotes=separate-page' : ''}`;
  await browserStep(job, page, 'loading the deck', async () => {
    await confinePage(page, url, { blocked: job.blocked });
    await page.goto(url, { waitUntil: 'load', timeout: 0 });
  });
  const pages = await browserStep(job, page, 'laying out slides', async () => {
    await page.waitForSelector('html[data-pdf-ready]', { timeout: 0 });
    return page.$$eval('.pdf-page', (els) => els.length);
  }, { layout: true });
  if (pages !== count) {
    fail('export-pages', `print view of ${deck.brief.file} has ${pages} pages for ${count} slides`, { exitCode: EXIT.export });
  }
  await browserStep(job, page, 'preparing the print', async () => {
    if (options.notes && options.notesPageCss) await page.addStyleTag({ content: options.notesPageCss });
    if (options.notes) await labelNotesPages(page, labelsFor(deck.brief.meta.lang), range.start + 1, deck.brief.meta.classification);
    await linkEverySlide(page, deck.slides.map((s) => s.id));
    if (deckIds.length > 0) await keepLinksAcross(page, deckIds);
  });
  return browserStep(job, page, 'printing', () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 }));
}

/**
 * Prints the deck through reveal.js's print view: one page per slide at the deck's own size,
 * once reveal has laid the pages out (its `pdf-ready` event), never after a fixed wait. A deck of
 * more than `chunkSize` slides is printed in chunks, in parallel pages, and merged (print-chunks.ts).
 */
export async function exportPdf(session: BrowserSession, htmlPath: string, pdfPath: string, deck: Deck, diagnostics: Diagnostics, options: PdfOptions = {}): Promise<void> {
  const chunks = chunkRanges(deck.slides.length, options.chunkSize);
  const ranges = chunks.length > 1 ? chunks : [{ start: 0, end: deck.slides.length }];
  const pageOptions = {
    setup: async (page: Page): Promise<void> => {
      forwardPageEvents(page, deck, diagnostics);
      await page.setViewport({ width: deck.size.width, height: deck.size.height });
    },
    job: `PDF export of ${deck.brief.file}`,
    onRetry: (reason: string): void => diagnostics.warn('browser-crash', `${reason} while exporting the PDF; relaunched Chromium and tried once more`, { file: deck.brief.file, line: 1 }),
  };
  const blocked = reportBlocked(diagnostics, deck.brief.file, 'PDF export');
  const jobOf = (range: SlideRange): BrowserJob => ({ session, deck, name: 'PDF export', code: 'export-failed', range, blocked });
  const print: PrintChunks = (files, ids) => runOnPages(session, files.length, (page, i) => printSlides(page, jobOf(ranges[i]), files[i], options, ranges[i], ids), pageOptions);
  const pdf = ranges.length === 1 ? (await print([htmlPath], []))[0] : await printInChunks(session, htmlPath, deck, ranges, print);
  const finishing = performance.now();
  await writeFile(pdfPath, await finishPdf(pdf, { meta: deck.brief.meta, outline: outlineOf(deck.slides) }));
  debug('PDF export of %s: finishing the PDF (pdf-lib) %d ms', deck.brief.file, Math.round(performance.now() - finishing));
}
