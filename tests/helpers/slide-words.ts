import type { Block, Slide } from '../../src/types.js';
import { lexMarkdown, plainText, tokensText, words } from '../../src/lex/markdown.js';

function count(into: Map<string, number>, text: string): void {
  for (const w of words(text)) {
    const key = w.toLocaleLowerCase();
    into.set(key, (into.get(key) ?? 0) + 1);
  }
}

function blockText(block: Block): string {
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
  for (const b of source) count(want, blockText(b));
  const have = new Map<string, number>();
  for (const s of slides) {
    if (s.kind !== 'content' && s.kind !== 'summary') count(have, s.title);
    for (const b of s.blocks) count(have, blockText(b));
    for (const n of s.notes) count(have, tokensText(lexMarkdown(n)));
  }
  const lost: string[] = [];
  for (const [w, n] of want) for (let i = (have.get(w) ?? 0); i < n; i++) lost.push(w);
  return lost;
}
