import type { Links, Token, Tokens } from 'marked';
import type { Block } from '../types.js';
import { countWords, lexMarkdown } from '../lex/markdown.js';
import { toBlocks } from '../lex/lex-brief.js';
import { blockCost, type Cost, type Layout } from './layout.js';
import { atomFits, pack, type Atom, type Limit } from './pack.js';
import { sentences, wordChunks } from './sentences.js';
import { inlineSpans, keepSpansWhole, type Span } from './inline-spans.js';
import { splitHtmlBlock } from './split-html.js';

export interface SplitContext {
  layout: Layout;
  lang: string;
  links: Links;
}

const RE_LINK_TARGET = /\]\([^)]*\)/g;
const RE_DEF_START = /^(\s*)\[/;

function newlines(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

/**
 * Re-lexes a piece of Markdown into the blocks it stands for. Usually one, but not always: a
 * continued item (`-`) joined to the rest of a `*` list lexes as two lists, and both are kept.
 */
function relex(source: string, line: number, ctx: SplitContext, cont?: boolean): Block[] {
  let blocks = toBlocks(lexMarkdown(source, ctx.links), line);
  // A piece that begins `[x]: y` would lex as a link definition and vanish; keep it as text.
  if (blocks.length === 0 && RE_DEF_START.test(source)) blocks = toBlocks(lexMarkdown(source.replace(RE_DEF_START, '$1\\['), ctx.links), line).slice(0, 1);
  if (blocks.length === 0) return [{ token: { type: 'paragraph', raw: source, text: source, tokens: [] } as Token, line, cont }];
  // A piece is text in the middle of a block: a rule or comment in it is no directive.
  return blocks.map(({ token, line: at }, i) => ({ token, line: at, cont: i === 0 ? cont : undefined }));
}

function sumCost(blocks: Block[], ctx: SplitContext): Cost {
  return blocks.map((b) => costOf(b, ctx)).reduce((a, b) => ({ words: a.words + b.words, lines: a.lines + b.lines }));
}

/** The one block a piece is known to lex to (a table's head and rows, for their cost). */
function relexOne(source: string, line: number, ctx: SplitContext): Block {
  return relex(source, line, ctx)[0];
}

// A block's cost is asked for again at every level of splitting and packing; tokens never change.
// Keyed by all of the layout's values, not its identity, so a layout adjusted in place (or given
// new fields that blockCost reads) is never served a stale cost.
const costs = new Map<string, WeakMap<Token, Cost>>();

export function costOf(block: Block, ctx: SplitContext): Cost {
  const key = JSON.stringify(ctx.layout);
  let byToken = costs.get(key);
  if (!byToken) costs.set(key, (byToken = new WeakMap()));
  let cost = byToken.get(block.token);
  if (!cost) byToken.set(block.token, (cost = blockCost(block.token, ctx.layout)));
  return cost;
}

function textCost(text: string, ctx: SplitContext, perLine = ctx.layout.charsPerLine): Cost {
  return { words: countWords(text.replace(RE_LINK_TARGET, ']')), lines: text.length / perLine };
}

/** Text atoms (sentences, then words for a sentence too long alone), packed into pieces. */
function packText(text: string, limit: Limit, ctx: SplitContext, spans: Span[] = []): string[] {
  const atoms: Atom<string>[] = [];
  let offset = 0;
  for (const sentence of keepSpansWhole(sentences(text, ctx.lang), spans)) {
    const atom = { item: sentence, cost: textCost(sentence, ctx), gap: 0 };
    // From the sentence's own offset, so a word cut never lands inside a link or tag.
    if (atomFits(atom, limit)) atoms.push(atom);
    else atoms.push(...keepSpansWhole(wordChunks(sentence, ctx.lang), spans, offset).map((w) => ({ item: w, cost: textCost(w, ctx), gap: 0 })));
    offset += sentence.length;
  }
  // Sentence costs are fractions of lines; round each group up to whole lines.
  const rounded = { words: limit.words, lines: Math.max(1, limit.lines - 1) };
  return pack(atoms, rounded).map((group) => group.join(''));
}

function splitParagraph(block: Block, limit: Limit, ctx: SplitContext): Block[] {
  const text = block.token.raw.replace(/\n+$/, '');
  let offset = 0;
  return packText(text, limit, ctx, inlineSpans(text, (block.token as Tokens.Paragraph).tokens)).map((piece) => {
    const line = block.line + newlines(text.slice(0, offset));
    offset += piece.length;
    return relex(piece.trim(), line, ctx);
  }).flat();
}

function itemMarker(list: Tokens.List, index: number): string {
  return list.ordered ? `${(Number(list.start) || 1) + index}.` : '-';
}

function indent(text: string, width: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(width)}`);
}

/** A list item too long for one slide continues, without its marker, on the next. */
function splitItem(list: Tokens.List, index: number, line: number, limit: Limit, ctx: SplitContext): Block[] {
  const item = list.items[index];
  const marker = itemMarker(list, index);
  const inner = splitSequence(toInnerBlocks(item.text, line, ctx), limit, { ...ctx, layout: { ...ctx.layout, charsPerLine: ctx.layout.charsPerLine - 4 } });
  return inner.flatMap((group, part) => {
    const body = group.map((b) => b.token.raw.replace(/\n+$/, '')).join('\n\n');
    const task = part === 0 && item.task ? `[${item.checked ? 'x' : ' '}] ` : '';
    return relex(`${marker} ${task}${indent(body, marker.length + 1)}`, group[0]?.line ?? line, ctx, part > 0);
  });
}

function toInnerBlocks(source: string, line: number, ctx: SplitContext): Block[] {
  let at = line;
  const blocks: Block[] = [];
  for (const token of lexMarkdown(source, ctx.links)) {
    if (token.type !== 'space' && token.type !== 'def') blocks.push({ token, line: at });
    at += newlines(token.raw);
  }
  return blocks;
}

function splitList(block: Block, limit: Limit, ctx: SplitContext): Block[] {
  const list = block.token as Tokens.List;
  const sep = list.loose ? '\n\n' : '\n';
  let offset = 0;
  const atoms: Atom<Block[]>[] = list.items.map((item, index) => {
    const line = block.line + newlines(list.raw.slice(0, list.raw.indexOf(item.raw, offset)));
    offset += item.raw.length;
    const single = relex(item.raw.replace(/\n+$/, ''), line, ctx);
    const atom = { item: single, cost: sumCost(single, ctx), gap: 0.2 };
    return atomFits(atom, limit) ? atom : { ...atom, item: splitItem(list, index, line, limit, ctx) };
  });
  const pieces: Block[] = [];
  for (const group of pack(atoms.flatMap((a) => (a.item.length > 1 ? a.item.map((b) => ({ item: [b], cost: costOf(b, ctx), gap: 0.2 })) : [a])), limit)) {
    const items = group.flat();
    // Consecutive items re-lexed together stay one list; a continued item starts its own.
    let run: Block[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const source = run.map((b) => b.token.raw.replace(/\n+$/, '')).join(sep);
      pieces.push(...relex(source, run[0].line, ctx, run[0].cont));
      run = [];
    };
    for (const item of items) {
      if (item.cont) flush();
      run.push(item);
    }
    flush();
  }
  return pieces;
}

function splitTable(block: Block, limit: Limit, ctx: SplitContext): Block[] {
  const lines = block.token.raw.replace(/\n+$/, '').split('\n');
  const head = lines.slice(0, 2).join('\n');
  const headCost = costOf(relexOne(`${head}\n`, block.line, ctx), ctx);
  const rowLimit = { words: limit.words - headCost.words, lines: limit.lines - headCost.lines };
  const atoms = lines.slice(2).map((row, i) => {
    const cost = costOf(relexOne(`${lines[0]}\n${lines[1]}\n${row}`, block.line, ctx), ctx);
    return { item: i, cost: { words: cost.words - headCost.words, lines: cost.lines - headCost.lines }, gap: 0 };
  });
  return pack(atoms, rowLimit).flatMap((rows) => relex(`${head}\n${rows.map((i) => lines[i + 2]).join('\n')}`, block.line + 2 + rows[0], ctx));
}

function fenceFor(text: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function splitCode(block: Block, limit: Limit, ctx: SplitContext): Block[] {
  const code = block.token as Tokens.Code;
  const lines = code.text.split('\n');
  const fence = fenceFor(code.text);
  const perLine = ctx.layout.charsPerLine * 1.15;
  const atoms = lines.map((l, i) => ({ item: i, cost: { words: countWords(l), lines: 0.75 * Math.max(1, Math.ceil(l.length / perLine)) }, gap: 0 }));
  const open = code.raw.trimStart().startsWith('```') || code.raw.trimStart().startsWith('~~~') ? 1 : 0;
  return pack(atoms, { words: limit.words, lines: limit.lines - 0.6 }).flatMap((group) =>
    relex(`${fence}${code.lang ?? ''}\n${group.map((i) => lines[i]).join('\n')}\n${fence}`, block.line + open + group[0], ctx),
  );
}

function splitQuote(block: Block, limit: Limit, ctx: SplitContext): Block[] {
  const quote = block.token as Tokens.Blockquote;
  const inner = toInnerBlocks(quote.text, block.line, ctx);
  const narrow = { ...ctx, layout: { ...ctx.layout, charsPerLine: ctx.layout.charsPerLine - 6 } };
  return splitSequence(inner, { words: limit.words, lines: limit.lines - 0.2 }, narrow).flatMap((group) => {
    const body = group.map((b) => b.token.raw.replace(/\n+$/, '')).join('\n\n');
    return relex(body.replace(/^/gm, '> '), group[0].line, ctx);
  });
}

/** Splits one block at its next smaller boundary into pieces that each fit `limit`, when it can. */
export function splitBlock(block: Block, limit: Limit, ctx: SplitContext): Block[] {
  if (atomFits({ item: block, cost: costOf(block, ctx), gap: 0 }, limit)) return [block];
  switch (block.token.type) {
    case 'paragraph':
      return splitParagraph(block, limit, ctx);
    case 'list':
      return splitList(block, limit, ctx);
    case 'table':
      return splitTable(block, limit, ctx);
    case 'code':
      return splitCode(block, limit, ctx);
    case 'blockquote':
      return splitQuote(block, limit, ctx);
    case 'html':
      return splitHtmlBlock(block, limit, { cost: (b) => costOf(b, ctx), lang: ctx.lang });
    default:
      return [block];
  }
}

/** Packs a run of blocks into groups under `limit`, splitting any block too large on its own. */
export function splitSequence(blocks: Block[], limit: Limit, ctx: SplitContext): Block[][] {
  const atoms: Atom<Block>[] = blocks
    .flatMap((b) => splitBlock(b, limit, ctx))
    .map((b) => ({ item: b, cost: costOf(b, ctx), gap: ctx.layout.gap }));
  return pack(atoms, limit);
}
