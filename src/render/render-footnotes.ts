import { markdown } from '../lex/markdown.js';
import type { ImageMap, Slide } from '../types.js';
import { sanitize } from './sanitize.js';

/** The footnotes a slide cites, small at its foot, numbered as in the Sources slide. */
export function renderFootnotes(slide: Slide, images: ImageMap): string {
  if (!slide.footnotes?.length || slide.footnotesInNotes) return '';
  const items = slide.footnotes.map((f) => `<li value="${f.number}">${markdown.parseInline(f.text) as string}</li>`);
  return sanitize(`<ol class="bd-footnotes">${items.join('')}</ol>`, images);
}

/** Footnotes that did not fit on their slide go to its speaker notes instead. */
export function footnoteNotes(slide: Slide): string[] {
  return slide.footnotesInNotes && slide.footnotes ? slide.footnotes.map((f) => `${f.number}. ${f.text}`) : [];
}
