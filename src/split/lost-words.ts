import type { Block, BriefMeta, Slide } from '../types.js';
import { plainText, words } from '../lex/markdown.js';

function tally(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  return counts;
}

function blockWords(block: Block): string[] {
  if (block.directive?.kind === 'notes') return words(block.directive.text);
  return block.directive ? [] : words(plainText(block.token));
}

/**
 * Words of the brief that appear on no slide and in no notes, counted with multiplicity: the
 * guarantee that splitting (and condensing) never drops text.
 */
export function lostWords(blocks: Block[], meta: BriefMeta, slides: Slide[]): string[] {
  const have = tally([
    ...words(meta.title),
    ...slides.flatMap((s) => [...words(s.title), ...s.blocks.flatMap(blockWords), ...s.notes.flatMap((n) => words(n))]),
  ]);
  const lost: string[] = [];
  for (const w of blocks.flatMap(blockWords)) {
    const key = w.toLowerCase();
    const n = have.get(key) ?? 0;
    if (n > 0) have.set(key, n - 1);
    else lost.push(w);
  }
  return lost;
}
