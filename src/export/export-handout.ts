import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Diagnostics } from '../diagnostics.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';
import { forwardPageEvents, step } from './export-pdf.js';
import { finishPdf } from './finish-pdf.js';
import { outlineOf } from './outline.js';
import { linkEverySlide } from './print-helpers.js';

/**
 * Prints the handout page (see renderHandout) on A4 or Letter, in the same browser as the slide
 * PDF. Its paper, margins and footer come from its own `@page` rules; it is printed once its fonts
 * have loaded, never after a fixed wait.
 */
export async function exportHandout(session: BrowserSession, htmlPath: string, pdfPath: string, deck: Deck, diagnostics: Diagnostics): Promise<void> {
  await session.withPage(async (page) => {
    forwardPageEvents(page, deck, diagnostics);
    await step(page, deck, 'loading the handout', () => page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: session.timeout }));
    await step(page, deck, 'loading the handout fonts', () => page.evaluate(() => document.fonts.ready.then(() => undefined)));
    await linkEverySlide(page, deck.slides.map((s) => s.id));
    const pdf = await step(page, deck, 'printing the handout', () =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: session.timeout }),
    );
    await writeFile(pdfPath, await finishPdf(pdf, { meta: deck.brief.meta, outline: outlineOf(deck.slides) }));
  });
}
