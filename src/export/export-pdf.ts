import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { Diagnostics } from '../diagnostics.js';
import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';

/** Page errors and failed requests become diagnostics instead of vanishing (a blank PDF is a bug). */
function forwardPageEvents(page: Page, deck: Deck, diagnostics: Diagnostics): void {
  const at = { file: deck.brief.file, line: 1 };
  page.on('pageerror', (error) => diagnostics.warn('page-error', `script error in the deck: ${(error as Error).message}`, at));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith('data:')) diagnostics.warn('request-failed', `the deck could not load ${request.url()}`, at);
  });
}

async function step<T>(deck: Deck, what: string, run: () => Promise<T>): Promise<T> {
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
export async function exportPdf(session: BrowserSession, htmlPath: string, pdfPath: string, deck: Deck, diagnostics: Diagnostics): Promise<void> {
  await session.withPage(async (page) => {
    forwardPageEvents(page, deck, diagnostics);
    await page.setViewport({ width: deck.size.width, height: deck.size.height });
    const url = `${pathToFileURL(htmlPath).href}?print-pdf`;
    await step(deck, 'loading the deck', () => page.goto(url, { waitUntil: 'load', timeout: session.timeout }));
    await step(deck, "waiting for reveal.js's print layout", () => page.waitForSelector('html[data-pdf-ready]', { timeout: session.timeout }));
    const pages = await page.$$eval('.pdf-page', (els) => els.length);
    if (pages !== deck.slides.length) {
      fail('export-pages', `print view of ${deck.brief.file} has ${pages} pages for ${deck.slides.length} slides`, { exitCode: EXIT.export });
    }
    const pdf = await step(deck, 'printing', () =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: session.timeout }),
    );
    await writeFile(pdfPath, pdf);
  });
}
