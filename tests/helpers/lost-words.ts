import type { Block, Slide } from '../../src/types.js';
import { isBodySlide } from '../../src/types.js';
import { lexMarkdown, plainText, tokensText, words } from '../../src/lex/markdown.js';

/**
 * The proof that splitting, condensing and fitting lose nothing, at two depths: the slide model
 * (every block's words on a slide or in its notes, here) and the rendered deck (every word a reader
 * of the brief would count, shown on a slide or in its notes: src/build/deck-quality.ts, which the
 * bench's deck-quality report uses too).
 */

export { deckWords, sourceWords, visibleText, wordsMissingFromDeck } from '../../src/build/deck-quality.js';

function count(into: Map<string, number>, text: string): void {
  for (const w of words(text)) {
    const key = w.toLocaleLowerCase();
    into.set(key, (into.get(key) ?? 0) + 1);
  }
}

function modelText(block: Block): string {
  if (block.directive?.kind === 'notes') return block.directive.text;
  if (block.directive) return '';
  return plainText(block.token);
}

/**
 * Words of the brief that no slide, slide title or speaker note carries: the proof that splitting,
 * condensing and fitting lost nothing. Counts words as a multiset, so a sentence dropped from the
 * second of two identical paragraphs still counts.
 */
export function wordsMissingFromSlides(source: Block[], title: string, slides: Slide[]): string[] {
  const want = new Map<string, number>();
  count(want, title);
  for (const b of source) count(want, modelText(b));
  const have = new Map<string, number>();
  // A section's heading is shown once: on its divider, or, with none, atop its first slide.
  const dividers = new Set(slides.filter((s) => s.kind === 'section').map((s) => s.sectionIndex));
  for (const s of slides) {
    if (!isBodySlide(s) || (s.part === 1 && !dividers.has(s.sectionIndex))) count(have, s.title);
    for (const b of s.blocks) count(have, modelText(b));
    for (const n of s.notes) count(have, tokensText(lexMarkdown(n)));
  }
  const lost: string[] = [];
  for (const [w, n] of want) for (let i = (have.get(w) ?? 0); i < n; i++) lost.push(w);
  return lost;
}
