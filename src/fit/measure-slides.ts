import type { BrowserSession } from '../browser/browser-session.js';
import { chunkRanges } from '../browser/run-on-pages.js';
import { renderDeck } from '../render/render-deck.js';
import type { Deck, RenderBase, Slide, SlideMeasure } from '../types.js';
import { measureKey, type MeasureMemo } from './measure-memo.js';
import { measureChunks, measureDeck } from './measure-page.js';

export interface MeasureOptions {
  /** Receives every key the deck needed, for the output folder's record. */
  used?: Set<string>;
  /** Slides per page for a large set of new slides (default CHUNK_SLIDES). */
  chunkSize?: number;
  /** Told of each request a measuring page refused. */
  blocked?: (url: string) => void;
}

/** A page of just the slides `indices` of `slides`, each rendered exactly as in the whole deck. */
function pageOf(deck: Deck, slides: Slide[], base: RenderBase, indices: number[]): Deck {
  if (indices.length === deck.slides.length) return deck;
  const only = renderDeck({ ...base, slides, only: indices });
  return { ...only, slides: indices.map((i) => only.slides[i]) };
}

/**
 * Measures of every slide of `deck` (rendered from `slides`): those laid out before (same page,
 * same slide) come from `memo`, the rest are laid out together in pages that hold only them.
 * Returns the measures, index for index, and how many slides were laid out.
 */
export async function measureSlides(
  session: BrowserSession,
  memo: MeasureMemo,
  deck: Deck,
  slides: Slide[],
  base: RenderBase,
  options: MeasureOptions = {},
): Promise<{ measures: SlideMeasure[]; laidOut: number }> {
  const keys = deck.slides.map((s) => measureKey(deck.layoutKey, s.layoutKey));
  const missing: number[] = [];
  const asked = new Set<string>();
  keys.forEach((key, i) => {
    if (!memo.get(key) && !asked.has(key)) missing.push(i);
    asked.add(key);
  });
  if (missing.length > 0) {
    const chunks = chunkRanges(missing.length, options.chunkSize).map((r) => missing.slice(r.start, r.end));
    const pages = chunks.map((indices) => pageOf(deck, slides, base, indices));
    const measured = pages.length === 1 ? await measureDeck(session, pages[0], options.blocked) : await measureChunks(session, pages, options.blocked);
    measured.forEach((m, j) => memo.set(keys[missing[j]], m));
  }
  for (const key of keys) options.used?.add(key);
  return { measures: keys.map((key) => memo.get(key) as SlideMeasure), laidOut: missing.length };
}
