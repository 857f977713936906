import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import createDebug from 'debug';
import { pathToFileURL } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer';
import type { Diagnostics } from '../diagnostics.js';
import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { browserStep, type BrowserJob } from '../browser/browser-step.js';
import { finishPdf } from './finish-pdf.js';
import { outlineOf } from './outline.js';
import { printInChunks, type PrintChunks } from './print-chunks.js';
import { labelsFor } from '../i18n/labels.js';
import { keepLinksAcross, labelNotesPages, linkEverySlide, unhideSlides } from './print-helpers.js';
import { runOnPages } from '../browser/run-on-pages.js';
import { replaceSlides, swappableSlides } from '../fit/measure-page.js';
import { confinePage, wasBlocked, reportBlocked } from '../browser/serve-html.js';
import { chunkRanges, type SlideRange } from '../browser/run-on-pages.js';

const debug = createDebug('briefdeck:steps');

/** How every slide PDF is printed: the page size is reveal's `@page`, the outline is finishPdf's. */
const PRINT = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 } as const;

export interface PdfOptions {
  /** `--notes`: each slide's notes on the page after it (reveal.js's `separate-page` layout). */
  notes?: boolean;
  /** Styles for those notes pages (templates/handout/notes-page.css). */
  notesPageCss?: string;
  /** Slides per print job; a larger deck is printed in chunks (default CHUNK_SLIDES). */
  chunkSize?: number;
}

/** Page errors and failed requests become diagnostics instead of vanishing (a blank PDF is a bug). */
export function forwardPageEvents(page: Page, deck: Deck, diagnostics: Diagnostics): () => void {
  const at = { file: deck.brief.file, line: 1 };
  const pageError = (error: unknown): void => diagnostics.warn('page-error', `script error in the deck: ${(error as Error).message.split('\n')[0]}`, at);
  const requestFailed = (request: HTTPRequest): void => {
    if (!request.url().startsWith('data:') && !wasBlocked(request)) diagnostics.warn('request-failed', `the deck could not load ${request.url()}`, at);
  };
  page.on('pageerror', pageError);
  page.on('requestfailed', requestFailed);
  return () => {
    page.off('pageerror', pageError);
    page.off('requestfailed', requestFailed);
  };
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
    await unhideSlides(page);
    if (options.notes) await labelNotesPages(page, labelsFor(deck.brief.meta.lang), range.start + 1, deck.brief.meta.classification);
    await linkEverySlide(page, deck.slides.map((s) => s.id));
    if (deckIds.length > 0) await keepLinksAcross(page, deckIds);
  });
  return browserStep(job, page, 'printing', () => page.pdf(PRINT));
}

/**
 * Runs in the page: points the links of the slides that are relative to the document (not to one
 * of its own ids) at `base`, as they would resolve in the deck loaded from its file. The measuring
 * page is served from memory at another address.
 */
function rebaseLinks(base: string): void {
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('.reveal .slides a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    a.setAttribute('href', new URL(href, base).href);
  }
}

/** Runs in the page: takes out what a print added beside the slides (linkEverySlide's list), so the page measures again as before. */
function unprepare(): void {
  for (const nav of Array.from(document.querySelectorAll('body > nav[aria-hidden="true"]'))) nav.remove();
}

/**
 * Prints the deck in the page fit measured it in, when the session still keeps that page for this
 * deck's page around the slides: the final slides are swapped into its print view (as fit does
 * between rounds), so a cold build loads and lays the deck out once, not once to measure and again
 * to print. Undefined when there is no such page (fit measured nothing in this run, another brief
 * took it, the slides carry scripts) or it failed: the deck is then loaded for real.
 */
async function printOnMeasuredPage(job: BrowserJob, htmlPath: string, diagnostics: Diagnostics): Promise<Uint8Array | undefined> {
  const { deck, session } = job;
  const slides = swappableSlides(deck);
  if (slides === undefined) return undefined;
  const printed = await session.onKeptPage(deck.layoutKey, async (page) => {
    const count = await browserStep(job, page, 'swapping the slides in', () => page.evaluate(replaceSlides, slides), { layout: true });
    if (count !== deck.slides.length) {
      fail('export-pages', `print view of ${deck.brief.file} has ${count} pages for ${deck.slides.length} slides`, { exitCode: EXIT.export });
    }
    const events = forwardPageEvents(page, deck, diagnostics);
    try {
      await browserStep(job, page, 'preparing the print', async () => {
        await page.evaluate(rebaseLinks, pathToFileURL(htmlPath).href);
        await unhideSlides(page);
        await linkEverySlide(page, deck.slides.map((s) => s.id));
      });
      return await browserStep(job, page, 'printing', () => page.pdf(PRINT));
    } finally {
      events();
      await page.evaluate(unprepare).catch(() => undefined);
    }
  });
  return printed?.value;
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
  // `--notes` pages are laid out by reveal at load (`showNotes`): those are always loaded for real.
  const measured = ranges.length === 1 && !options.notes ? await printOnMeasuredPage(jobOf(ranges[0]), htmlPath, diagnostics) : undefined;
  const pdf = measured ?? (ranges.length === 1 ? (await print([htmlPath], []))[0] : await printInChunks(session, htmlPath, deck, ranges, print));
  const finishing = performance.now();
  await writeFile(pdfPath, await finishPdf(pdf, { meta: deck.brief.meta, outline: outlineOf(deck.slides) }));
  debug('PDF export of %s: finishing the PDF (pdf-lib) %d ms', deck.brief.file, Math.round(performance.now() - finishing));
}
