import type { Page } from 'puppeteer';
import { OUTPUT_LABELS, type OutputLabels } from '../render/output-labels.js';

/**
 * Links every slide from a hidden list, because Chromium writes a named destination only for an
 * element that some link points at; the bookmarks then find each slide's page by its id. The list
 * is clipped to nothing, so it prints no text and no link areas.
 */
export async function linkEverySlide(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((targets: string[]) => {
    const nav = document.createElement('nav');
    nav.setAttribute('aria-hidden', 'true');
    nav.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;font:1px "IBM Plex Sans",sans-serif';
    for (const id of targets) {
      const a = document.createElement('a');
      a.href = `#${encodeURIComponent(id)}`;
      a.textContent = '\u200b';
      nav.append(a);
    }
    document.body.append(nav);
  }, ids);
}

/** Heads each `--notes` page with the number and title of the slide it belongs to. */
export async function labelNotesPages(page: Page, labels: OutputLabels = OUTPUT_LABELS): Promise<void> {
  await page.evaluate((notesFor: string) => {
    const pages = Array.from(document.querySelectorAll('.pdf-page'));
    for (const notes of Array.from(document.querySelectorAll('.speaker-notes-pdf[data-layout="separate-page"]'))) {
      let before = notes.previousElementSibling;
      while (before && !before.classList.contains('pdf-page')) before = before.previousElementSibling;
      if (!before) continue;
      const heading = before.querySelector('.bd-heading, .bd-section-heading, .bd-title-heading');
      const label = document.createElement('p');
      label.className = 'bd-notes-page-label';
      label.textContent = `${notesFor} ${pages.indexOf(before) + 1}${heading ? ` · ${heading.textContent?.trim() ?? ''}` : ''}`;
      notes.prepend(label);
    }
  }, labels.notesFor);
}
