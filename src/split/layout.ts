import type { Token, Tokens } from 'marked';
import { ASPECTS, type Aspect } from '../types.js';
import { countWords, plainText } from '../lex/markdown.js';
import { cellTexts, loneTable } from './html-dom.js';

/**
 * What a slide holds, in lines of body text, for the built-in theme at each aspect. The numbers are
 * deliberately on the safe side (a line is assumed shorter and the frame lower than they are) so a
 * budget-packed slide fits without measurement; fit by measurement refines them.
 */
export interface Layout {
  charsPerLine: number;
  maxLines: number;
  titleCharsPerLine: number;
  /** Space between two blocks, in lines. */
  gap: number;
}

export const LAYOUTS: Record<Aspect, Layout> = {
  '16:9': { charsPerLine: 68, maxLines: 11, titleCharsPerLine: 46, gap: 0.55 },
  '4:3': { charsPerLine: 52, maxLines: 13, titleCharsPerLine: 36, gap: 0.55 },
};

export interface Cost {
  words: number;
  lines: number;
}

export const ZERO: Cost = { words: 0, lines: 0 };
const IMAGE_LINES = 7.5;
const RE_IMAGE = /!\[[^\]]*\]\([^)]*\)(?:\{[^{}\n]*\})?/;

export function layoutFor(aspect: Aspect): Layout {
  return ASPECTS[aspect] ? LAYOUTS[aspect] : LAYOUTS['16:9'];
}

function textLines(chars: number, perLine: number): number {
  return Math.max(1, Math.ceil(chars / perLine));
}

function hasImage(token: Token): boolean {
  if (token.type === 'image') return true;
  return 'tokens' in token && Array.isArray(token.tokens) && token.tokens.some(hasImage);
}

/**
 * Columns share the line the way a browser's auto table layout does, roughly in proportion to
 * their longest cell; a row is as tall as its most wrapped cell. Table text is set a little smaller.
 */
function tableCost(token: Tokens.Table, layout: Layout): Cost {
  return { words: countWords(plainText(token)), lines: rowsLines([token.header, ...token.rows].map((row) => row.map((c) => c.text)), layout) };
}

function rowsLines(rows: string[][], layout: Layout): number {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const longest = Array.from({ length: cols }, (_, col) => Math.max(3, ...rows.map((row) => row[col]?.length ?? 0)));
  const total = longest.reduce((a, b) => a + b, 0);
  const usable = layout.charsPerLine * 1.25 - 1.2 * longest.length;
  const widths = longest.map((len) => Math.max(4, Math.min(len, (usable * len) / total)));
  const rowLines = (cells: string[]): number => 0.86 * Math.max(1, ...cells.map((c, col) => textLines(c.length, widths[col] ?? 4))) + 0.3;
  return rows.reduce((sum, row) => sum + rowLines(row), 0);
}

/** A raw HTML block: a `<table>` is costed as a table, anything else as its text. */
function htmlCost(token: Token, layout: Layout): Cost {
  if (token.raw.trim().startsWith('<!--')) return ZERO;
  const text = plainText(token);
  const table = /^\s*<table\b/i.test(token.raw) ? loneTable(token.raw) : undefined;
  return { words: countWords(text), lines: table ? rowsLines(cellTexts(table), layout) : textLines(text.length, layout.charsPerLine) };
}

function listCost(token: Tokens.List, layout: Layout, depth: number): Cost {
  let words = 0;
  let lines = 0;
  for (const item of token.items) {
    for (const child of item.tokens) {
      const c = child.type === 'list' ? listCost(child as Tokens.List, layout, depth + 1) : blockCost(child, { ...layout, charsPerLine: layout.charsPerLine - 4 * (depth + 1) });
      words += c.words;
      lines += c.lines;
    }
    lines += 0.2;
  }
  return { words, lines };
}

/** Estimated words and lines of one block token on a slide. */
export function blockCost(token: Token, layout: Layout): Cost {
  switch (token.type) {
    case 'space':
    case 'def':
      return ZERO;
    case 'html':
      return htmlCost(token, layout);
    case 'heading':
      return { words: countWords(plainText(token)), lines: 1.5 * textLines(plainText(token).length, layout.charsPerLine * 0.85) };
    case 'table':
      return tableCost(token as Tokens.Table, layout);
    case 'list':
      return listCost(token as Tokens.List, layout, 0);
    case 'code': {
      const codeLines = token.text.split('\n');
      const perLine = layout.charsPerLine * 1.15;
      return { words: countWords(token.text), lines: 0.6 + codeLines.reduce((n: number, l: string) => n + 0.75 * textLines(l.length, perLine), 0) };
    }
    case 'blockquote': {
      const inner = (token as Tokens.Blockquote).tokens.map((t) => blockCost(t, { ...layout, charsPerLine: layout.charsPerLine - 6 }));
      return inner.reduce((a, b) => ({ words: a.words + b.words, lines: a.lines + b.lines + layout.gap }), { words: 0, lines: 0.2 });
    }
    case 'hr':
      return ZERO;
    default: {
      const text = plainText(token);
      if (!(hasImage(token) || RE_IMAGE.test(token.raw))) return { words: countWords(text), lines: textLines(text.length, layout.charsPerLine) };
      // An image alone is a figure captioned with its alt text; otherwise the text beside it counts.
      const beside = token.raw.replace(new RegExp(RE_IMAGE.source, 'g'), '').trim();
      return { words: countWords(text), lines: IMAGE_LINES + textLines((beside || text).length, layout.charsPerLine) * 0.8 };
    }
  }
}

/** Lines the slide title takes beyond the first, which the body then lacks. */
export function titleExtraLines(title: string, layout: Layout): number {
  return (textLines(title.length, layout.titleCharsPerLine) - 1) * 1.25;
}

/**
 * The lines of body text a slide titled `title` holds, by the estimate: a classification banner
 * takes a line's height from every slide. The one formula for packing and for fit's calibration,
 * which scales it: counted on one side only, the banner would be taken twice.
 */
export function bodyLines(title: string, layout: Layout, classified: boolean): number {
  return layout.maxLines - titleExtraLines(title, layout) - (classified ? 1 : 0);
}
