import type { Token, Tokens } from 'marked';
import { countWords, decodeEntities, lexMarkdown, plainText, words } from '../lex/markdown.js';
import type { Block, Deck, SlideMeasure, Slide, StoredMeasures } from '../types.js';
import { isBodySlide } from '../types.js';
import { measureKey, storedMeasure } from '../fit/measure-memo.js';
import { lexBrief } from '../lex/lex-brief.js';

/**
 * How a deck presents, in figures: slides, bullets per slide, words per bullet, how full each body
 * slide is and whether any overflows, and whether every word of the brief is on a slide or in the
 * notes. `npm run bench` prints it for the example; tests hold the example to its targets.
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


export interface DeckQuality {
  slides: number;
  /** 1-based position of the key judgements (the summary slide), if the deck has one. */
  keyJudgementsAt?: number;
  /** Per body slide (summary, content; not Sources): its id, bullets, and (measured) fill. */
  body: Array<{ id: string; bullets: number; fill?: number; overflow?: boolean }>;
  /** Body slides with fewer than three bullets in a section that has more to give. */
  sparse: string[];
  wordsPerBullet: { mean: number; max: number; count: number };
  closingPoints: number;
  overflowing: number;
  wordsMissing: number;
}

function bulletsOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.token.type === 'list' ? (b.token as Tokens.List).items.map((item) => plainText(item)) : []));
}

function measureOf(stored: StoredMeasures | undefined, deck: Deck, index: number): SlideMeasure | undefined {
  const values = stored?.slides[measureKey(deck.layoutKey, deck.slides[index].layoutKey)];
  return values ? storedMeasure(values) : undefined;
}

/** The figures for a composed deck (composeDeck); fill and overflow when it was measured (fit). */
export function deckQuality({ slides, deck, measures }: { slides: Slide[]; deck: Deck; measures?: StoredMeasures }): DeckQuality {
  const source = lexBrief(deck.brief).blocks;
  const isBody = (s: Slide) => isBodySlide(s) && s.kind !== 'sources';
  const perSection = new Map<number, number>();
  for (const s of slides) if (isBody(s)) perSection.set(s.sectionIndex, (perSection.get(s.sectionIndex) ?? 0) + bulletsOf(s.blocks).length);
  const body = slides.flatMap((s, i) => {
    if (!isBody(s)) return [];
    const m = measureOf(measures, deck, i);
    return [{ id: s.id, bullets: bulletsOf(s.blocks).length, ...(m ? { fill: Math.round((100 * m.used) / Math.max(1, m.room)) / 100, overflow: m.overflowY > 1 || m.frameOverflowY > 1 } : {}) }];
  });
  const sparse = slides.filter((s) => isBody(s) && bulletsOf(s.blocks).length < 3 && (perSection.get(s.sectionIndex) ?? 0) >= 3 && bulletsOf(s.blocks).length > 0).map((s) => s.id);
  const counts = slides.filter((s) => isBody(s) || s.kind === 'closing').flatMap((s) => bulletsOf(s.blocks)).map((t) => countWords(t));
  const closing = slides.filter((s) => s.kind === 'closing').flatMap((s) => bulletsOf(s.blocks));
  const at = slides.findIndex((s) => s.kind === 'summary');
  return {
    slides: slides.length,
    ...(at >= 0 ? { keyJudgementsAt: at + 1 } : {}),
    body,
    sparse,
    wordsPerBullet: { mean: counts.length ? Math.round((10 * counts.reduce((a, b) => a + b, 0)) / counts.length) / 10 : 0, max: Math.max(0, ...counts), count: counts.length },
    closingPoints: closing.length,
    overflowing: body.filter((b) => b.overflow).length,
    wordsMissing: wordsMissingFromDeck(source, deck).length,
  };
}
