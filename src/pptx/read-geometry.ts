import type { Page } from 'puppeteer';
import type { BrowserSession } from '../browser/browser-session.js';
import { browserStep, jobTitle, type BrowserJob } from '../browser/browser-step.js';
import { loadPrintView } from '../fit/measure-page.js';
import { runOnPages } from '../browser/run-on-pages.js';
import { reportBlocked } from '../browser/serve-html.js';
import { chunkRanges, type SlideRange } from '../browser/run-on-pages.js';
import { EXIT, fail } from '../errors.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Deck } from '../types.js';
import type { DeckGeometry, Palette, SlideGeometry } from './geometry.js';
import { readSlidesInPage } from './read-slides-in-page.js';

/** Pixels per canvas pixel of a `--pptx-images` slide picture: 1920×1080 for a 16:9 deck. */
export const PICTURE_SCALE = 1.5;

export interface GeometryOptions {
  /** Also take a picture of every slide (`--pptx-images`). */
  pictures?: boolean;
  /** A page of only the slides `range` (rendered as in the whole deck), for a deck read in chunks. */
  renderRange: (range: SlideRange) => Deck;
  chunkSize?: number;
}

interface Chunk {
  slides: SlideGeometry[];
  palette: Palette;
  pictures: Uint8Array[];
}

async function slidePictures(job: BrowserJob, page: Page): Promise<Uint8Array[]> {
  const boxes = await page.$$eval('.pdf-page > section', (els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  }));
  const pictures: Uint8Array[] = [];
  for (const box of boxes) {
    pictures.push(await browserStep(job, page, 'taking slide pictures', () => page.screenshot({ type: 'png', clip: { ...box, scale: PICTURE_SCALE }, captureBeyondViewport: true })));
  }
  return pictures;
}

/** Lays `deck` out in its print view in `page` and reads every slide there, in one browser step. */
async function readChunk(job: BrowserJob, page: Page, notes: string[], pictures: boolean): Promise<Chunk> {
  await loadPrintView(job, page);
  const read = await browserStep(job, page, 'reading the slides\' layout', () => page.evaluate(readSlidesInPage, notes));
  if (read.slides.length !== job.deck.slides.length) {
    fail('export-pages', `print view of ${job.deck.brief.file} has ${read.slides.length} pages for ${job.deck.slides.length} slides`, { exitCode: EXIT.export });
  }
  return { ...read, pictures: pictures ? await slidePictures(job, page) : [] };
}

/**
 * How every slide of the final deck lays out in Chromium, read from its print view (the page the
 * PDF prints), in parallel pages for a deck large enough to be printed in chunks.
 */
export async function readGeometry(session: BrowserSession, deck: Deck, diagnostics: Diagnostics, options: GeometryOptions): Promise<{ geometry: DeckGeometry; pictures?: Uint8Array[] }> {
  const ranges = chunkRanges(deck.slides.length, options.chunkSize);
  const whole = ranges.length <= 1;
  const decks = whole ? [deck] : ranges.map((r) => options.renderRange(r));
  const notes = (i: number): string[] => (whole ? deck.slides : deck.slides.slice(ranges[i].start, ranges[i].end)).map((s) => s.notesHtml);
  const blocked = reportBlocked(diagnostics, deck.brief.file, 'PowerPoint export');
  const jobs = decks.map((d, i): BrowserJob => ({ session, deck: { ...d, slides: whole ? deck.slides : deck.slides.slice(ranges[i].start, ranges[i].end) }, name: 'PowerPoint export', code: 'export-failed', range: whole ? undefined : ranges[i], blocked }));
  const chunks = await runOnPages(session, decks.length, (page, i) => readChunk(jobs[i], page, notes(i), options.pictures ?? false), {
    job: jobTitle(jobs[0]),
    onRetry: (reason) => diagnostics.warn('browser-crash', `${reason} while exporting the PowerPoint file; relaunched Chromium and tried once more`, { file: deck.brief.file, line: 1 }),
  });
  const geometry: DeckGeometry = { width: deck.size.width, height: deck.size.height, palette: chunks[0].palette, slides: chunks.flatMap((c) => c.slides) };
  return { geometry, pictures: options.pictures ? chunks.flatMap((c) => c.pictures) : undefined };
}
