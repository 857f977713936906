import { Marked, type Links, type Token, type TokensList } from 'marked';
import { countPlainWords } from './count-words.js';
import { footnoteExtension } from './footnotes.js';
import { notesDivExtension } from './notes-div.js';
import { attachImageAttrs, imageAttrsExtension } from './image-attrs.js';

/**
 * The one configured marked instance: never the global `marked.use()`, which would leak options
 * between briefs and into a host program's own use of marked.
 */
export const markdown = new Marked({ gfm: true, breaks: false, async: false }, footnoteExtension, notesDivExtension, imageAttrsExtension);

/**
 * Lexes Markdown into block tokens. `links` carries the brief's reference definitions into the
 * re-lexing of a piece split off a block, so `[text][ref]` still resolves there.
 */
export function lexMarkdown(source: string, links?: Links): TokensList {
  const lexer = new markdown.Lexer(markdown.defaults);
  if (links) Object.assign(lexer.tokens.links, links);
  const tokens = lexer.lex(source);
  attachImageAttrs(tokens, (t, fn) => markdown.walkTokens(t, fn));
  return tokens;
}

/** The visible text of a token tree, for counting words and checking nothing is lost. */
export function plainText(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
    case 'br':
      return ' ';
    case 'html':
      return htmlText(token.text);
    case 'table':
      return [...token.header, ...token.rows.flat()].map((cell: { tokens: Token[] }) => tokensText(cell.tokens)).join(' ');
    case 'list':
      return token.items.map((item: Token) => plainText(item)).join(' ');
    case 'code':
    case 'codespan':
      return token.text;
    case 'image':
      return token.text;
    case 'escape':
      return token.text;
    case 'list_item':
    case 'blockquote':
      return (token.tokens ?? []).map(plainText).join(' ');
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return tokensText(token.tokens);
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
  }
}

export function tokensText(tokens: Token[]): string {
  return tokens.map(plainText).join('');
}

const RE_TAG = /<[^>]*>/g;
const RE_COMMENT = /<!--[\s\S]*?-->/g;

function htmlText(html: string): string {
  return decodeEntities(html.replace(RE_COMMENT, ' ').replace(RE_TAG, ' '));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const RE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
const RE_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Words as a reader counts them; CJK text has no spaces, so each ideograph counts as one. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(RE_WORD)) {
    const word = match[0];
    if (RE_CJK.test(word)) out.push(...Array.from(word).filter((c) => RE_CJK.test(c) || /[\p{L}\p{N}]/u.test(c)));
    else out.push(word);
  }
  return out;
}

const RE_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * What a text weighs against the word budget. Chinese and Japanese have no spaces between words;
 * two characters read about as long as one word and fill about as much of a line, so a slide of
 * either holds as much as an English one (counting each character as a word left it a third full).
 */
export function countWords(text: string): number {
  const plain = countPlainWords(text);
  if (plain !== undefined) return plain;
  const unspaced = text.match(RE_UNSPACED)?.length ?? 0;
  return Math.ceil(unspaced / 2) + (countPlainWords(text.replace(RE_UNSPACED, ' ')) ?? 0);
}
