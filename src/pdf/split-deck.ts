import { EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { serveHtml } from '../browser/serve-html.js';

/** A deck cut at its slides: the HTML before them, each slide's `<section>`, the HTML after. */
export interface SplitDeck {
  before: string;
  sections: string[];
  after: string;
  /** Every element id in the deck: what a link may point at, in whichever chunk it is printed. */
  ids: string[];
}

const SPLIT_URL = 'http://briefdeck.invalid/split.html';
const MARK = 'briefdeck-slides';

/**
 * Cuts a deck's HTML at its top-level slides, parsed by Chromium itself with scripts off (so
 * reveal.js does not touch the slides) and without layout, which is what costs in a large deck.
 * Reading the rendered deck rather than rendering parts of it keeps each slide byte for byte as
 * written, numbers, agenda and notes included, whatever templates drew it.
 */
export async function splitDeck(session: BrowserSession, html: string, deck: Deck): Promise<SplitDeck> {
  const split = await session.withPage(async (page) => {
    await page.setJavaScriptEnabled(false);
    await serveHtml(page, SPLIT_URL, html);
    await page.goto(SPLIT_URL, { waitUntil: 'domcontentloaded', timeout: session.timeout });
    return page.evaluate((mark: string) => {
      const slides = document.querySelector('.reveal > .slides');
      if (!slides) return undefined;
      const sections = Array.from(slides.children).filter((el) => el.tagName === 'SECTION');
      const parts = sections.map((el) => el.outerHTML);
      const ids = Array.from(document.querySelectorAll('[id]'), (el) => el.id);
      for (const el of sections) el.remove();
      slides.append(document.createComment(mark));
      const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
      const [before, after] = `${doctype}${document.documentElement.outerHTML}`.split(`<!--${mark}-->`);
      return { before, sections: parts, after, ids };
    }, MARK);
  });
  if (!split || split.sections.length !== deck.slides.length) {
    fail('export-pages', `${deck.brief.file}: found ${split?.sections.length ?? 'no'} slides to print in parts, for ${deck.slides.length} in the deck`, { exitCode: EXIT.export });
  }
  return split;
}

/** A deck of only `sections` (some of the split deck's): the same head, scripts and furniture as the whole. */
export function chunkHtml(split: SplitDeck, sections: string[]): string {
  return `${split.before}${sections.join('\n')}${split.after}`;
}
