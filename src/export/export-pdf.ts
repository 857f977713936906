import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { Diagnostics } from '../diagnostics.js';
import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';
import { browserStep, jobTitle, type BrowserJob } from './browser-step.js';
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
  page.on('pageerror', (error) => diagnostics.warn('page-error', `script error in the deck: ${(error as Error).message.split('\n')[0]}`, at));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith('data:')) diagnostics.warn('request-failed', `the deck could not load ${request.url()}`, at);
  });
}

/**
 * Prints the deck through reveal.js's print view: one page per slide at the deck's own size,
 * once reveal has laid the pages out (its `pdf-ready` event), never after a fixed wait.
 */
export async function exportPdf(session: BrowserSession, htmlPath: string, pdfPath: string, deck: Deck, diagnostics: Diagnostics, options: PdfOptions = {}): Promise<void> {
  const job: BrowserJob = { session, deck, name: 'PDF export', code: 'export-failed' };
  const onRetry = (reason: string): void => diagnostics.warn('browser-crash', `${reason} while exporting the PDF; relaunched Chromium and tried once more`, { file: deck.brief.file, line: 1 });
  await session.withPage(async (page) => {
    forwardPageEvents(page, deck, diagnostics);
    const url = `${pathToFileURL(htmlPath).href}?print-pdf${options.notes ? '&showNotes=separate-page' : ''}`;
    await browserStep(job, page, 'loading the deck', async () => {
      await page.setViewport({ width: deck.size.width, height: deck.size.height });
      await page.goto(url, { waitUntil: 'load', timeout: 0 });
    });
    const pages = await browserStep(job, page, 'laying out slides', async () => {
      await page.waitForSelector('html[data-pdf-ready]', { timeout: 0 });
      return page.$$eval('.pdf-page', (els) => els.length);
    }, { layout: true });
    if (pages !== deck.slides.length) {
      fail('export-pages', `print view of ${deck.brief.file} has ${pages} pages for ${deck.slides.length} slides`, { exitCode: EXIT.export });
    }
    await browserStep(job, page, 'preparing the print', async () => {
      if (options.notes && options.notesPageCss) await page.addStyleTag({ content: options.notesPageCss });
      if (options.notes) await labelNotesPages(page);
      await linkEverySlide(page, deck.slides.map((s) => s.id));
    });
    const pdf = await browserStep(job, page, 'printing', () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 }));
    await writeFile(pdfPath, await finishPdf(pdf, { meta: deck.brief.meta, outline: outlineOf(deck.slides) }));
  }, { job: jobTitle(job), onRetry });
}
