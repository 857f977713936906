import { countWords } from '../lex/markdown.js';
import { primaryLang } from '../i18n/labels.js';

/**
 * Shortening a sentence for a slide by deletion only (after Dorr et al.'s Hedge Trimmer): what is
 * left is the author's words in the author's order, and still a sentence. Each rule removes a part
 * a reader can lose without the sentence falling apart: an aside in brackets or between dashes, an
 * opening connective, a trailing clause that only adds detail. A span holding markup (a link, a
 * footnote reference, emphasis, code) is never cut, so nothing on the slide loses its source.
 */

/** The rule that cut a sentence, named for `check`'s list of shortened bullets. */
export type ShortenRule = 'brackets' | 'dashes' | 'trailing-dash' | 'connective' | 'however' | 'also' | 'which-clause';

export interface Shortened {
  text: string;
  rules: ShortenRule[];
}

/** Fewer words than this left in front of a cut, and the cut is not made: a stub is not a sentence. */
const MIN_KEPT_WORDS = 6;

const PLAIN = String.raw`[^()\[\]*_\x60<>–—]`;
const RE_BRACKETS = new RegExp(String.raw` \((${PLAIN}{1,240}?)\)(?=[\s,.;:!?"”’]|$)`, 'gu');
const RE_FULLWIDTH_BRACKETS = /（[^（）[\]*_`<>]{1,120}?）/gu;
const RE_DASHES = new RegExp(String.raw` [–—] (${PLAIN}{1,240}?) [–—] `, 'gu');
const RE_TRAILING_DASH = new RegExp(String.raw` [–—] (${PLAIN}{1,300}?)([.!?]["”’]?)$`, 'u');

/** Connectives that open a sentence and tie it to the one before; on a slide there is none before. */
const RE_CONNECTIVE =
  /^(?:However|Moreover|Furthermore|In addition|Additionally|Indeed|Thus|Therefore|Hence|Consequently|Nevertheless|Nonetheless|In this respect|In this regard|In this view|After all|Of course|In fact|At the same time|Meanwhile|Above all|Besides|Accordingly|As a result|In other words|In short|In sum|Overall|Firstly|Secondly|Thirdly|Finally|Also|Still|Yet),\s+/u;
const RE_INLINE_HOWEVER = /,\s+(?:however|therefore|thus|too|moreover|in turn|in particular|for example|for instance|of course),(?=\s)/gu;
const RE_FINAL_HOWEVER = /,\s+(?:however|too)(?=[.!?]["”’]?$)/u;
const RE_ALSO = /\s+also(?=\s)/gu;
/** A clause that only adds to the noun before it: `, which …` or an appositive `, a narrative that …`, to the end. */
const RE_WHICH = new RegExp(String.raw`,\s+(?:which|who|whose|where|(?:a|an) \p{L}+ (?:that|which|whose))\s${PLAIN}{1,300}?([.!?]["”’]?)$`, 'u');

/** Words that open an introductory phrase ("In Beijing, too, the West…"), which keeps its comma. */
const RE_PHRASE_OPENER = /^(?:in|on|at|from|for|with|without|like|unlike|after|before|during|since|under|over|by|as for|according to|despite|beyond|within|among|between|across|through|to)\s/i;

/** Whether the stretch before an inline connective is an introductory phrase, not a subject. */
function opensWithPhrase(before: string): boolean {
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':')) + 1).trim();
  return RE_PHRASE_OPENER.test(clause);
}

function tidy(text: string): string {
  return text.replace(/\s{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1').replace(/,([.;:!?])/g, '$1').trim();
}

function capitalised(text: string): string {
  return text.replace(/^(["“‘]?)(\p{Ll})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}

/** Applies `cut` when what stays keeps at least MIN_KEPT_WORDS words. */
function attempt(text: string, rule: ShortenRule, rules: ShortenRule[], cut: (t: string) => string): string {
  const next = tidy(cut(text));
  if (next === text || countWords(next) < MIN_KEPT_WORDS) return text;
  rules.push(rule);
  return next;
}

export function shorten(sentence: string, lang: string): Shortened {
  const rules: ShortenRule[] = [];
  let text = sentence.replace(/\s+/g, ' ').trim();
  text = attempt(text, 'brackets', rules, (t) => t.replace(RE_BRACKETS, '').replace(RE_FULLWIDTH_BRACKETS, ''));
  text = attempt(text, 'dashes', rules, (t) => t.replace(RE_DASHES, ' '));
  text = attempt(text, 'trailing-dash', rules, (t) => t.replace(RE_TRAILING_DASH, '$2'));
  if (primaryLang(lang) === 'en') {
    // "Therefore, secondly, …": connectives can stack.
    for (let i = 0; i < 3; i++) text = attempt(text, 'connective', rules, (t) => (RE_CONNECTIVE.test(t) ? capitalised(t.replace(RE_CONNECTIVE, '')) : t));
    text = attempt(text, 'however', rules, (t) => t.replace(RE_INLINE_HOWEVER, (_, at: number) => (opensWithPhrase(t.slice(0, at)) ? ',' : '')).replace(RE_FINAL_HOWEVER, ''));
    if (!/\bnot only\b/i.test(text)) text = attempt(text, 'also', rules, (t) => t.replace(RE_ALSO, ''));
    text = attempt(text, 'which-clause', rules, (t) => t.replace(RE_WHICH, '$1'));
  }
  return { text, rules: [...new Set(rules)] };
}

/** A bullet an audience reads at a glance has at most this many words. */
export const MAX_BULLET_WORDS = 35;

export interface Lead extends Shortened {
  /** 1-based number of the sentence the bullet is made from. */
  sentence: number;
  words: number;
}

/**
 * The bullet for a paragraph: its lead sentence shortened, or, when even shortened it is too long
 * to read at a glance, the first later sentence that is not (the lead stays in the notes).
 */
export function leadOf(all: string[], lang: string, from = 0): Lead | undefined {
  let first: Lead | undefined;
  for (let i = from; i < all.length; i++) {
    const short = shorten(all[i], lang);
    const lead = { ...short, sentence: i + 1, words: countWords(short.text) };
    first ??= lead;
    if (lead.words <= MAX_BULLET_WORDS) return lead;
  }
  return first;
}
