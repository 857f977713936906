import type { Token } from 'marked';
import type { Block, Deck, Slide } from '../../src/types.js';
import { isBodySlide } from '../../src/types.js';
import { decodeEntities, lexMarkdown, plainText, tokensText, words } from '../../src/lex/markdown.js';

/**
 * The proof that splitting, condensing and fitting lose nothing, at two depths: the slide model
 * (every block's words on a slide or in its notes) and the rendered deck (every word a reader of
 * the brief would count, shown on a slide or in its notes). Test helpers: the product itself
 * never needs them.
 */

/** Elements whose content is never shown; the sanitizer drops it with the element. */
const RE_HIDDEN = /<(script|style|textarea|option|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const RE_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const RE_TAG = /<\/?[a-z][^>]*>/gi;
const RE_ALT = /\balt="([^"]*)"/gi;
/** A `<span>` is inline: no space where it starts or ends (highlighted code cuts words into spans: `<span>Sa1</span>a`). */
const RE_SPAN = /<\/?span\b[^>]*>/gi;
/** Scripts written without spaces, which slides may break wherever Intl.Segmenter finds a word end. */
const RE_UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** What a reader sees of some HTML: its text and the alt text of its images, entities decoded. */
export function visibleText(html: string): string {
  const shown = html.replace(RE_HIDDEN, ' ').replace(RE_COMMENT, ' ');
  const alts = [...shown.matchAll(RE_ALT)].map((m) => m[1]);
  return decodeEntities([shown.replace(RE_SPAN, '').replace(RE_TAG, ' '), ...alts].join(' '));
}

function tokenText(token: Token): string {
  // Raw HTML (block or inline) counts only for what a browser would show of it.
  if (token.type === 'html') return visibleText(token.raw);
  const text = plainText(token);
  return /<[a-z!/]/i.test(text) ? visibleText(text) : decodeEntities(text);
}

function blockText(block: Block): string {
  if (block.directive?.kind === 'notes') return lexMarkdown(block.directive.text).map(tokenText).join(' ');
  return block.directive ? '' : tokenText(block.token);
}

/** Every word of a lexed brief as a reader would count it, speaker notes included. */
export function sourceWords(blocks: Block[]): string[] {
  return blocks.flatMap((block) => words(blockText(block)));
}

/** Every word a deck shows: slide titles, bodies and speaker notes. */
export function deckWords(deck: Deck): string[] {
  return deck.slides.flatMap((slide) => words([slide.title, visibleText(slide.bodyHtml), visibleText(slide.notesHtml)].join(' ')));
}

function tally(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list.flatMap((w) => (RE_UNSPACED.test(w) ? Array.from(w) : [w]))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * Words of the brief that its deck does not show as often as the brief has them: the check that
 * splitting slides never drops text. Titles repeat on continued slides, so only a shortfall counts.
 */
export function wordsMissingFromDeck(blocks: Block[], deck: Deck): string[] {
  const shown = tally(deckWords(deck));
  const lost: string[] = [];
  for (const [word, count] of tally(sourceWords(blocks))) {
    const missing = count - (shown.get(word) ?? 0);
    for (let i = 0; i < missing; i++) lost.push(word);
  }
  return lost;
}

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
  for (const s of slides) {
    if (!isBodySlide(s)) count(have, s.title);
    for (const b of s.blocks) count(have, modelText(b));
    for (const n of s.notes) count(have, tokensText(lexMarkdown(n)));
  }
  const lost: string[] = [];
  for (const [w, n] of want) for (let i = (have.get(w) ?? 0); i < n; i++) lost.push(w);
  return lost;
}
