import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';
import { serveHtml } from './serve-html.js';

/** How one slide lays out in Chromium, in canvas pixels at the deck's own size. */
export interface SlideMeasure {
  /** Index into `deck.slides`. */
  index: number;
  /** Height and width the body has, and how far its content reaches below it (≤ 0: it fits). */
  bodyHeight: number;
  bodyWidth: number;
  overflowY: number;
  /** How far the widest content reaches past the body's right edge. */
  overflowX: number;
  /** Room the body could take (down to the footer), and how much its content uses. */
  room: number;
  used: number;
  /** Overflow of the whole frame (title and section slides have no body). */
  frameOverflowY: number;
  /** The body's top-level elements, and the first of them that sticks out (-1: none). */
  children: number;
  culprit: number;
}

// The deck is served from memory at a fixed URL: `?print-pdf` puts reveal.js in its print view,
// so every slide is laid out at once exactly as the PDF will print it.
const DECK_URL = 'http://briefdeck.invalid/deck.html?print-pdf';

/** Runs in the page: measures the content's real extent (margins excluded) against its box. */
function measureInPage(): Array<Omit<SlideMeasure, 'index'>> {
  const pages = Array.from(document.querySelectorAll('.pdf-page > section'));
  return pages.map((section) => {
    const frame = section.querySelector('.bd-frame') as HTMLElement | null;
    const body = section.querySelector('.bd-body') as HTMLElement | null;
    const frameOverflowY = frame ? frame.scrollHeight - frame.clientHeight : 0;
    if (!body) return { bodyHeight: 0, bodyWidth: 0, room: 0, used: 0, overflowY: 0, overflowX: 0, frameOverflowY, children: 0, culprit: -1 };
    const box = body.getBoundingClientRect();
    let bottom = box.top;
    let right = box.left;
    let left = box.right;
    let culprit = -1;
    // The body shrinks to its content; what counts is whether content reaches the footnotes or footer.
    const footer = section.querySelector('.bd-foot') ?? section.querySelector('.bd-footer');
    const floor = footer ? footer.getBoundingClientRect().top : (frame ?? body).getBoundingClientRect().bottom;
    Array.from(body.children).forEach((child, i) => {
      const r = child.getBoundingClientRect();
      bottom = Math.max(bottom, r.bottom);
      // A table or image can be wider than its block; its own box shows that.
      for (const wide of [child, ...Array.from(child.querySelectorAll('table, img, pre, svg'))]) {
        const w = wide.getBoundingClientRect();
        right = Math.max(right, w.right);
        left = Math.min(left, w.left);
      }
      if (culprit < 0 && (bottom > floor + 1 || right > box.right + 1 || left < box.left - 1)) culprit = i;
    });
    const overflowX = Math.max(right - box.right, box.left - left, body.scrollWidth - body.clientWidth);
    return { bodyHeight: box.height, bodyWidth: box.width, room: floor - box.top, used: bottom - box.top, overflowY: bottom - floor, overflowX, frameOverflowY, children: body.children.length, culprit };
  });
}

/** Lays the deck out in one page load and measures every slide. */
export async function measureDeck(session: BrowserSession, deck: Deck): Promise<SlideMeasure[]> {
  return session.withPage(async (page) => {
    await page.setViewport({ width: deck.size.width, height: deck.size.height });
    await serveHtml(page, DECK_URL, deck.html);
    try {
      await page.goto(DECK_URL, { waitUntil: 'load', timeout: session.timeout });
      await page.waitForSelector('html[data-pdf-ready]', { timeout: session.timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    } catch (error) {
      fail('measure-failed', `could not lay out ${deck.brief.file} in the browser: ${(error as Error).message.split('\n')[0]}`, { exitCode: EXIT.export, cause: error });
    }
    const measured = await page.evaluate(measureInPage);
    if (measured.length !== deck.slides.length) {
      fail('measure-failed', `print view of ${deck.brief.file} has ${measured.length} pages for ${deck.slides.length} slides`, { exitCode: EXIT.export });
    }
    return measured.map((m, index) => ({ index, ...m }));
  });
}
