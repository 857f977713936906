import type { Diagnostics } from '../diagnostics.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { renderDeck } from '../render/render-deck.js';
import type { Deck, RenderInput } from '../types.js';
import { VERSION } from '../version.js';
import type { Staging } from '../write/stage-outputs.js';
import { buildPptx } from './build-pptx.js';
import { readGeometry } from './read-geometry.js';

export interface PptxJob {
  deck: Deck;
  input: RenderInput;
  staging: Staging;
  browser: BrowserSession;
  diagnostics: Diagnostics;
}

export interface PptxOptions {
  /** `--pptx-images`: a picture of each slide instead of editable text (notes kept). */
  images?: boolean;
  /** Slides per page when the deck is read in chunks (tests). */
  chunkSize?: number;
}

/** The PowerPoint file's name in the deck's folder. */
export function pptxName(deck: Deck): string {
  return `${deck.brief.name}.pptx`;
}

/**
 * Writes `<name>.pptx` into the staging folder, so it is committed with the deck and its PDFs:
 * the final deck's slides as laid out in Chromium, rebuilt as PowerPoint shapes (or pictures).
 */
export async function writePptx(job: PptxJob, options: PptxOptions = {}): Promise<string> {
  const { deck, input, diagnostics } = job;
  const meta = deck.brief.meta;
  const renderRange = (r: { start: number; end: number }): Deck => renderDeck({ ...input, only: Array.from({ length: r.end - r.start }, (_, k) => r.start + k) });
  const { geometry, pictures } = await readGeometry(job.browser, deck, diagnostics, { pictures: options.images, renderRange, chunkSize: options.chunkSize });
  const firstOf = new Map<number, string>();
  for (const slide of input.slides) if (!firstOf.has(slide.sectionIndex)) firstOf.set(slide.sectionIndex, slide.title);
  const sections = input.slides.map((s) => ({ key: s.sectionIndex, name: firstOf.get(s.sectionIndex) ?? s.title }));
  const info = { title: meta.title, subject: meta.subtitle, authors: meta.authors.map((a) => a.name).join(', '), keywords: meta.keywords, lang: meta.lang };
  const lost = (i: number, alt: string): void => {
    const slide = deck.slides[i];
    diagnostics.warn('pptx-image', `an image${alt ? ` ("${alt}")` : ''} on slide ${i + 1} cannot be shown in PowerPoint and was left out of ${pptxName(deck)}`, { file: deck.brief.file, line: slide.line });
  };
  const bytes = buildPptx({ geometry, sections, info, version: VERSION, pictures }, lost);
  return job.staging.write(pptxName(deck), bytes);
}
