import type { Page } from 'puppeteer';
import { splitDeckHtml } from '../render/deck-shell.js';
import { EXIT, fail } from '../errors.js';
import type { Deck, SlideMeasure } from '../types.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { browserStep, jobTitle, type BrowserJob } from '../browser/browser-step.js';
import { runOnPages } from '../browser/run-on-pages.js';
import { serveHtml } from '../browser/serve-html.js';


// The deck is served from memory at a fixed URL: `?print-pdf` puts reveal.js in its print view,
// so every slide is laid out at once exactly as the PDF will print it.
const DECK_URL = 'http://briefdeck.invalid/deck.html?print-pdf';

/** Runs in the page: measures the content's real extent (margins excluded) against its box. */
function measureInPage(): SlideMeasure[] {
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

/**
 * Runs in the page: puts `sections` in reveal.js's laid-out print view in place of its pages, each
 * in a page exactly like the ones reveal made (same page box, same section box), and waits for
 * their fonts and images. Returns how many pages the view then holds.
 */
export async function replaceSlides(sections: string): Promise<number> {
  const w = window as unknown as { briefdeckPrintModel?: { page: string; section: string } };
  const first = document.querySelector('.pdf-page');
  const box = first?.querySelector(':scope > section');
  if (!w.briefdeckPrintModel && first && box) w.briefdeckPrintModel = { page: first.getAttribute('style') ?? '', section: box.getAttribute('style') ?? '' };
  const model = w.briefdeckPrintModel;
  const container = document.querySelector('.reveal .slides');
  if (!model || !container) throw new Error('the print view is not laid out');
  for (const page of Array.from(document.querySelectorAll('.pdf-page'))) page.remove();
  const parsed = document.createElement('template');
  parsed.innerHTML = sections;
  for (const section of Array.from(parsed.content.children)) {
    if (section.tagName !== 'SECTION') continue;
    const page = document.createElement('div');
    page.className = 'pdf-page';
    page.setAttribute('style', model.page);
    section.setAttribute('style', model.section);
    section.classList.add('present');
    page.appendChild(section);
    container.appendChild(page);
  }
  const images = Array.from(container.querySelectorAll('img')).map((img) => img.decode().catch(() => undefined));
  await Promise.all([...images, document.fonts.ready]);
  return container.querySelectorAll('.pdf-page').length;
}

/**
 * The deck's slides as HTML to swap into a laid-out print view; undefined when they must be loaded
 * for real: scripts in them (`--allow-html`) must run, and a custom deck.hbs may not split.
 */
export function swappableSlides(deck: Deck): string | undefined {
  const slides = splitDeckHtml(deck.html)?.slides;
  return slides !== undefined && !/<script/i.test(slides) ? slides : undefined;
}

/** One page load, reveal.js's print view laid out: the pages are those of `deck.html`. */
export async function loadPrintView(job: BrowserJob, page: Page): Promise<void> {
  const { deck } = job;
  await browserStep(job, page, 'loading the deck', async () => {
    await page.setViewport({ width: deck.size.width, height: deck.size.height });
    await serveHtml(page, DECK_URL, deck.html, job.blocked);
    await page.goto(DECK_URL, { waitUntil: 'load', timeout: 0 });
  });
  await browserStep(job, page, 'laying out slides', async () => {
    await page.waitForSelector('html[data-pdf-ready]', { timeout: 0 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }, { layout: true });
}

/**
 * Lays the deck's slides out and measures every one. The page stays open for the next call with
 * the same page around the slides (`deck.layoutKey`), which then only swaps the slides in: a round
 * of fit while watching costs milliseconds, not a page load. Slides with scripts in them
 * (`--allow-html`) are always loaded for real, so their scripts run.
 */
export async function measureDeck(session: BrowserSession, deck: Deck, blocked?: (url: string) => void): Promise<SlideMeasure[]> {
  const job: BrowserJob = { session, deck, name: 'slide measurement', code: 'measure-failed', blocked };
  const slidesHtml = swappableSlides(deck);
  const measure = (page: Page, fresh: boolean): Promise<SlideMeasure[]> => measureIn(job, page, fresh ? undefined : slidesHtml);
  if (slidesHtml !== undefined) return session.withKeptPage(deck.layoutKey, measure, jobTitle(job));
  return session.withPage((page) => measure(page, true), { job: jobTitle(job) });
}

/** Measures `job.deck` in `page`: loaded for real, or with `swapIn`, its slides swapped into the print view there. */
async function measureIn(job: BrowserJob, page: Page, swapIn?: string): Promise<SlideMeasure[]> {
  const { deck } = job;
  if (swapIn === undefined) await loadPrintView(job, page);
  else await browserStep(job, page, 'swapping the slides in', () => page.evaluate(replaceSlides, swapIn));
  const measured = await browserStep(job, page, 'measuring slides', () => page.evaluate(measureInPage));
  if (measured.length !== deck.slides.length) {
    fail('measure-failed', `print view of ${deck.brief.file} has ${measured.length} pages for ${deck.slides.length} slides`, { exitCode: EXIT.export });
  }
  return measured;
}

/**
 * Slides in several chunks, each laid out in a page of its own, in parallel pages (as many as the
 * session allows): a large deck's first layout grows faster than linearly in one page.
 */
export async function measureChunks(session: BrowserSession, decks: Deck[], blocked?: (url: string) => void): Promise<SlideMeasure[]> {
  const jobs = decks.map((deck): BrowserJob => ({ session, deck, name: 'slide measurement', code: 'measure-failed', blocked }));
  // A page's first chunk is loaded for real; the next ones are swapped into its print view, which
  // spares a parse of the page (fonts, reveal.js) and reveal's start for every chunk after the first.
  const laidOut = new WeakSet<Page>();
  const measure = async (page: Page, i: number): Promise<SlideMeasure[]> => {
    const measured = await measureIn(jobs[i], page, laidOut.has(page) ? swappableSlides(decks[i]) : undefined);
    laidOut.add(page);
    return measured;
  };
  return (await runOnPages(session, decks.length, measure, { job: jobTitle(jobs[0]) })).flat();
}
