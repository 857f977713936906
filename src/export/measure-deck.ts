import type { Page } from 'puppeteer';
import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';
import { runOnPages } from './run-on-pages.js';
import { serveHtml } from './serve-html.js';
import { chunkHtml, chunkRanges, splitDeck } from './split-deck.js';

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

// The deck is served from memory: `?print-pdf` puts reveal.js in its print view, so every slide
// is laid out at once exactly as the PDF will print it.
const DECK_BASE = 'http://briefdeck.invalid/deck';

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

/** Lays out one deck (the whole, or a chunk of it holding `count` slides) in `page` and measures its slides. */
async function measureIn(page: Page, session: BrowserSession, deck: Deck, url: string, html: string, count: number): Promise<Array<Omit<SlideMeasure, 'index'>>> {
  await serveHtml(page, url, html);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: session.timeout });
    await page.waitForSelector('html[data-pdf-ready]', { timeout: session.timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  } catch (error) {
    fail('measure-failed', `could not lay out ${deck.brief.file} in the browser: ${(error as Error).message.split('\n')[0]}`, { exitCode: EXIT.export, cause: error });
  }
  const measured = await page.evaluate(measureInPage);
  if (measured.length !== count) {
    fail('measure-failed', `print view of ${deck.brief.file} has ${measured.length} pages for ${count} slides`, { exitCode: EXIT.export });
  }
  return measured;
}

/** A slide's measures by its HTML: what a fit round has measured already. */
export type MeasureCache = Map<string, Measured>;
type Measured = Omit<SlideMeasure, 'index'>;

export interface MeasureOptions {
  /** Slides per page load; a larger deck is laid out in chunks in parallel pages. */
  chunkSize?: number;
  /** Measures of earlier rounds, reused for slides whose HTML is the same (and filled in). */
  cache?: MeasureCache;
}

// A slide's number is in its footer, which has a fixed height: renumbering all the slides after
// a split moves no content, so the number is left out of what makes two slides the same.
const RE_FOOTER_NUMBER = /<span class="bd-footer-number"[^>]*>[^<]*<\/span>/;

/**
 * Lays the deck out and measures every slide: in one page load, or, for a deck of more than
 * `chunkSize` slides, in chunks laid out in parallel pages (see split-deck.ts), where only slides
 * not in `cache` are laid out. A slide measures the same either way: each is laid out on a page
 * of its own, at the deck's size, with the deck's styles.
 */
export async function measureDeck(session: BrowserSession, deck: Deck, options: MeasureOptions = {}): Promise<SlideMeasure[]> {
  const setup = (page: Page): Promise<void> => page.setViewport({ width: deck.size.width, height: deck.size.height });
  if (chunkRanges(deck.slides.length, options.chunkSize).length <= 1) {
    const [measured] = await runOnPages(session, 1, (page) => measureIn(page, session, deck, `${DECK_BASE}.html?print-pdf`, deck.html, deck.slides.length), { setup });
    return measured.map((m, index) => ({ index, ...m }));
  }
  const split = await splitDeck(session, deck.html, deck);
  const keys = split.sections.map((section) => section.replace(RE_FOOTER_NUMBER, ''));
  const cache = options.cache ?? new Map<string, Measured>();
  const todo = keys.flatMap((key, i) => (cache.has(key) || keys.indexOf(key) !== i ? [] : [i]));
  const ranges = chunkRanges(todo.length, options.chunkSize);
  const chunks = await runOnPages(
    session,
    ranges.length,
    (page, i) => {
      const slides = todo.slice(ranges[i].start, ranges[i].end);
      return measureIn(page, session, deck, `${DECK_BASE}-${i + 1}.html?print-pdf`, chunkHtml(split, slides.map((s) => split.sections[s])), slides.length);
    },
    { setup },
  );
  chunks.flat().forEach((m, n) => cache.set(keys[todo[n]], m));
  return keys.map((key, index) => ({ index, ...(cache.get(key) as Measured) }));
}
