import type { Page } from 'puppeteer';
import type { Labels } from '../i18n/labels.js';

/**
 * Links every slide from a hidden list, because Chromium writes a named destination only for an
 * element that some link points at; the bookmarks then find each slide's page by its id. The list
 * is clipped to nothing, so it prints no text and no link areas. Ids not in the page are left out:
 * a chunk of a large deck links only what it holds (see print-chunks.ts).
 */
export async function linkEverySlide(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((targets: string[]) => {
    const nav = document.createElement('nav');
    nav.setAttribute('aria-hidden', 'true');
    nav.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;font:1px "IBM Plex Sans",sans-serif';
    for (const id of targets) {
      if (!document.getElementById(id)) continue;
      const a = document.createElement('a');
      a.href = `#${encodeURIComponent(id)}`;
      a.textContent = '\u200b';
      nav.append(a);
    }
    document.body.append(nav);
  }, ids);
}

/**
 * reveal.js leaves every slide but the first `hidden` and `aria-hidden` in its print view (as in
 * its slide show, where only the current slide is shown), which printed the slides' text untagged:
 * only the first slide reached the PDF's structure tree. Every printed slide is shown, so none is
 * hidden from a screen reader.
 */
export async function unhideSlides(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const section of Array.from(document.querySelectorAll('.pdf-page > section'))) {
      section.removeAttribute('hidden');
      section.removeAttribute('aria-hidden');
    }
  });
}

/** Stand-in target of a chunk's link to a slide that another chunk prints (see keepLinksAcross). */
export const OTHER_CHUNK_URL = 'https://briefdeck.invalid/other-chunk#';

/**
 * Chromium leaves out a link to an element its document lacks, so in a chunk of a large deck a
 * link to a slide printed in another chunk would be lost. It is pointed at a stand-in URL instead
 * (kept as a URI link), which merge-pdfs.ts turns back into a link to the slide's named
 * destination. `ids` are every id in the whole deck: links to nothing stay as they were.
 */
export async function keepLinksAcross(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((targets: string[], prefix: string) => {
    const inDeck = new Set(targets);
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
      const fragment = new URL(a.href).hash.slice(1);
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        continue;
      }
      if (inDeck.has(id) && !document.getElementById(id)) a.setAttribute('href', prefix + fragment);
    }
  }, ids, OTHER_CHUNK_URL);
}

/**
 * Heads each `--notes` page with the number and title of the slide it belongs to (`first`: the
 * page's first slide's number), and puts the protective marking at its top and bottom, as on the
 * slides: a notes page printed on its own still says how it must be handled.
 */
export async function labelNotesPages(page: Page, labels: Labels, first = 1, classification = ''): Promise<void> {
  await page.evaluate((notesFor: string, firstNumber: number, marking: string) => {
    const pages = Array.from(document.querySelectorAll('.pdf-page'));
    const mark = (where: string): HTMLElement => {
      const el = document.createElement('div');
      el.className = `bd-notes-page-marking bd-notes-page-marking-${where}`;
      el.setAttribute('role', 'note');
      el.textContent = marking;
      return el;
    };
    for (const notes of Array.from(document.querySelectorAll('.speaker-notes-pdf[data-layout="separate-page"]'))) {
      let before = notes.previousElementSibling;
      while (before && !before.classList.contains('pdf-page')) before = before.previousElementSibling;
      if (!before) continue;
      const heading = before.querySelector('.bd-heading, .bd-section-heading, .bd-title-heading');
      const label = document.createElement('p');
      label.className = 'bd-notes-page-label';
      label.textContent = `${notesFor} ${pages.indexOf(before) + firstNumber}${heading ? ` · ${heading.textContent?.trim() ?? ''}` : ''}`;
      notes.prepend(label);
      if (marking) {
        notes.prepend(mark('top'));
        notes.append(mark('bottom'));
      }
    }
  }, labels.notesFor, first, classification);
}
