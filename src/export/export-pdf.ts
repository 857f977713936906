import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { Diagnostics } from '../diagnostics.js';
import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';
import { finishPdf } from './finish-pdf.js';
import { outlineOf } from './outline.js';
import { labelNotesPages, linkEverySlide } from './print-helpers.js';

export interface PdfOptions {
  /** `--notes`: each slide's notes on the page after it (reveal.js's `separate-page` layout). */
  notes?: boolean;
  /** Styles for those notes pages (templates/handout/notes-page.css). */
  notesPageCss?: string;
}

/** Page errors and failed requests become diagnostics instead of vanishing (a blank PDF is a bug). */
export function forwardPageEvents(page: Page, deck: Deck, diagnostics: Diagnostics): void {
  const at = { file: deck.brief.file, line: 1 };
  page.on('pageerror', (error) => diagnostics.warn('page-error', `script error in the deck: ${(error as Error).message}`, at));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith('data:')) diagnostics.warn('request-failed', `the deck could not load ${request.url()}`, at);
  });
}

export async function step<T>(deck: Deck, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    fail('export-failed', `PDF export of ${deck.brief.file} failed while ${what}: ${(error as Error).message.split('\n')[0]}`, {
      exitCode: EXIT.export,
      cause: error,
    });
  }
}

/**
 * Prints the deck through reveal.js's print view: one page per slide at the deck's own size,
 * once reveal has laid the pages out (its `pdf-ready` event), never after a fixed wait.
 */
export async function exportPdf(session: BrowserSession, htmlPath: string, pdfPath: string, deck: Deck, diagnostics: Diagnostics, options: PdfOptions = {}): Promise<void> {
  await session.withPage(async (page) => {
    forwardPageEvents(page, deck, diagnostics);
    await page.setViewport({ width: deck.size.width, height: deck.size.height });
    const url = `${pathToFileURL(htmlPath).href}?print-pdf${options.notes ? '&showNotes=separate-page' : ''}`;
    await step(deck, 'loading the deck', () => page.goto(url, { waitUntil: 'load', timeout: session.timeout }));
    await step(deck, "waiting for reveal.js's print layout", () => page.waitForSelector('html[data-pdf-ready]', { timeout: session.timeout }));
    const pages = await page.$$eval('.pdf-page', (els) => els.length);
    if (pages !== deck.slides.length) {
      fail('export-pages', `print view of ${deck.brief.file} has ${pages} pages for ${deck.slides.length} slides`, { exitCode: EXIT.export });
    }
    if (options.notes) {
      if (options.notesPageCss) await page.addStyleTag({ content: options.notesPageCss });
      await labelNotesPages(page);
    }
    await linkEverySlide(page, deck.slides.map((s) => s.id));
    const pdf = await step(deck, 'printing', () =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: session.timeout }),
    );
    await writeFile(pdfPath, await finishPdf(pdf, { meta: deck.brief.meta, outline: outlineOf(deck.slides) }));
  });
}
