import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Diagnostics } from '../diagnostics.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { browserStep, jobTitle, type BrowserJob } from '../browser/browser-step.js';
import { forwardPageEvents } from './export-pdf.js';
import { confinePage, reportBlocked } from '../browser/serve-html.js';
import { finishPdf } from './finish-pdf.js';
import { outlineOf } from './outline.js';
import { linkEverySlide } from './print-helpers.js';

/**
 * Prints the handout page (see renderHandout) on A4 or Letter, in the same browser as the slide
 * PDF. Its paper, margins and footer come from its own `@page` rules; it is printed once its fonts
 * have loaded, never after a fixed wait.
 */
export async function exportHandout(session: BrowserSession, htmlPath: string, pdfPath: string, deck: Deck, diagnostics: Diagnostics): Promise<void> {
  const job: BrowserJob = { session, deck, name: 'handout export', code: 'export-failed', blocked: reportBlocked(diagnostics, deck.brief.file, 'handout export') };
  const onRetry = (reason: string): void => diagnostics.warn('browser-crash', `${reason} while exporting the handout; relaunched Chromium and tried once more`, { file: deck.brief.file, line: 1 });
  await session.withPage(async (page) => {
    forwardPageEvents(page, deck, diagnostics);
    await browserStep(job, page, 'loading the handout', async () => {
      const url = pathToFileURL(htmlPath).href;
      await confinePage(page, url, { blocked: job.blocked });
      await page.goto(url, { waitUntil: 'load', timeout: 0 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    });
    await browserStep(job, page, 'preparing the print', () => linkEverySlide(page, deck.slides.map((s) => s.id)));
    const pdf = await browserStep(job, page, 'printing the handout', () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 }));
    await writeFile(pdfPath, await finishPdf(pdf, { meta: deck.brief.meta, outline: outlineOf(deck.slides) }));
  }, { job: jobTitle(job), onRetry });
}
