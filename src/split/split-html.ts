import type { Token } from 'marked';
import type { Block } from '../types.js';
import { atomFits, pack, type Atom, type Limit } from './pack.js';
import { isTag, parseHtml, significant, sourceOf, tableRows, type HtmlNode } from './html-dom.js';
import { sentences } from './sentences.js';
import { keepSpansWhole, type Span } from './inline-spans.js';
import type { Cost } from './layout.js';

/** What splitting HTML needs from split-block.ts (passed in: that file imports this one). */
export interface HtmlSplitter {
  cost: (block: Block) => Cost;
  lang: string;
}

/** Elements split between their children: a piece is wrapped in the same tags, so it looks the same. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'blockquote', 'ul', 'ol', 'dl', 'details', 'center']);
/** Elements of running text, split between sentences when one alone is too long. */
const PROSE = new Set(['p', 'div', 'blockquote', 'li', 'dd']);
const RE_TAG = /<[^>]*>/g;

function newlines(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

function htmlBlock(source: string, line: number): Block {
  return { token: { type: 'html', block: true, pre: false, raw: `${source}\n`, text: `${source}\n` } as Token, line };
}

function openTag(raw: string, node: HtmlNode): string {
  const first = node.children?.[0];
  return first ? raw.slice(node.startIndex ?? 0, first.startIndex ?? 0) : sourceOf(raw, node);
}

function closeTag(raw: string, node: HtmlNode): string {
  const last = node.children?.[node.children.length - 1];
  return last ? raw.slice((last.endIndex ?? 0) + 1, (node.endIndex ?? raw.length - 1) + 1) : '';
}

interface Piece {
  source: string;
  /** Offset in the block's raw text, for its line. */
  at: number;
}

interface Level {
  raw: string;
  open: string;
  close: string;
  limit: Limit;
  line: number;
  s: HtmlSplitter;
}

function costIn(level: Level, inner: string): Cost {
  return level.s.cost(htmlBlock(`${level.open}${inner}${level.close}`, level.line));
}

const RE_OL = /<ol\b([^>]*)>(\s*)$/i;

/** A numbered list continued on a later slide goes on counting from where it stopped. */
function numbered(open: string, before: number): string {
  const ol = RE_OL.exec(open);
  if (!ol || before === 0) return open;
  const start = Number(/\bstart\s*=\s*["']?(\d+)/i.exec(ol[1])?.[1] ?? 1);
  const attrs = ol[1].replace(/\s*\bstart\s*=\s*["']?\d+["']?/i, '');
  return `${open.slice(0, ol.index)}<ol${attrs} start="${start + before}">${ol[2]}`;
}

/** Packs runs of `inners` (each wrapped in the level's tags) into pieces; whole pieces stand alone. */
function packRuns(level: Level, parts: Array<{ inner: Piece } | { whole: Piece[] }>): Piece[] {
  const out: Piece[] = [];
  let run: Atom<Piece>[] = [];
  let items = 0;
  const flush = (): void => {
    for (const group of pack(run, level.limit)) {
      out.push({ source: `${numbered(level.open, items)}${group.map((p) => p.source).join('\n')}${level.close}`, at: group[0].at });
      items += group.filter((p) => /^<li\b/i.test(p.source)).length;
    }
    run = [];
  };
  for (const part of parts) {
    if ('inner' in part) run.push({ item: part.inner, cost: costIn(level, part.inner.source), gap: 0 });
    else {
      flush();
      out.push(...part.whole);
    }
  }
  flush();
  return out;
}

/** A table by rows, its header rows (a `<thead>`, or a first row of `<th>`) repeated on each part. */
function splitTable(level: Level, table: HtmlNode): Piece[] | undefined {
  const { raw } = level;
  const rows = tableRows(table);
  const thead = (table.children ?? []).find((c) => isTag(c, 'thead'));
  const firstIsHead = !thead && rows[0] && significant(rows[0].children).every((c) => isTag(c, 'th'));
  const head = thead ? rows.filter((r) => (r as { parent?: HtmlNode }).parent === thead) : firstIsHead ? [rows[0]] : [];
  const body = rows.filter((r) => !head.includes(r));
  if (body.length < 2) return undefined;
  const caption = (table.children ?? []).find((c) => isTag(c, 'caption'));
  const headHtml = head.length ? `<thead>${head.map((r) => sourceOf(raw, r)).join('\n')}</thead>\n` : '';
  const open = `${level.open}${openTag(raw, table)}`;
  const close = `</tbody></table>${level.close}`;
  const headCost = level.s.cost(htmlBlock(`${open}${headHtml}<tbody>${close}`, level.line));
  const rowLimit = { words: level.limit.words - headCost.words, lines: level.limit.lines - headCost.lines };
  const atoms = body.map((r) => {
    const cost = level.s.cost(htmlBlock(`${open}${headHtml}<tbody>${sourceOf(raw, r)}${close}`, level.line));
    return { item: r, cost: { words: cost.words - headCost.words, lines: cost.lines - headCost.lines }, gap: 0 };
  });
  return pack(atoms, rowLimit).map((group, i) => ({
    source: `${open}${i === 0 && caption ? sourceOf(raw, caption) : ''}${headHtml}<tbody>${group.map((r) => sourceOf(raw, r)).join('\n')}${close}`,
    at: group[0].startIndex ?? 0,
  }));
}

/** Running text between sentences, its tags kept whole (the sanitizer closes what a cut leaves open). */
function splitProse(level: Level, node: HtmlNode): Piece[] | undefined {
  const { raw } = level;
  const first = node.children?.[0];
  if (!first || node.children?.some((c) => isTag(c) && CONTAINERS.has(c.name ?? ''))) return undefined;
  const inner = raw.slice(first.startIndex ?? 0, (node.children![node.children!.length - 1].endIndex ?? 0) + 1);
  const spans: Span[] = Array.from(inner.matchAll(RE_TAG), (m) => ({ start: m.index, end: m.index + m[0].length }));
  const parts = keepSpansWhole(sentences(inner, level.s.lang), spans);
  if (parts.length < 2) return undefined;
  const inside: Level = { ...level, open: `${level.open}${openTag(raw, node)}`, close: `${closeTag(raw, node)}${level.close}` };
  let offset = first.startIndex ?? 0;
  return packRuns(inside, parts.map((p) => {
    const piece = { source: p.trim(), at: offset };
    offset += p.length;
    return { inner: piece };
  }));
}

/** The nodes of one level, packed; a node too large alone is split inside, when it can be. */
function splitNodes(level: Level, nodes: HtmlNode[]): Piece[] {
  const { raw } = level;
  return packRuns(level, significant(nodes).map((node) => {
    const piece = { source: sourceOf(raw, node), at: node.startIndex ?? 0 };
    if (atomFits({ item: node, cost: costIn(level, piece.source), gap: 0 }, level.limit)) return { inner: piece };
    const deeper = splitInside(level, node);
    return deeper && deeper.length > 1 ? { whole: deeper } : { inner: piece };
  }));
}

function splitInside(level: Level, node: HtmlNode): Piece[] | undefined {
  if (isTag(node, 'table')) return splitTable(level, node);
  if (!isTag(node)) return undefined;
  const name = node.name ?? '';
  const children = significant(node.children);
  if (CONTAINERS.has(name) && children.length > 1 && children.some((c) => isTag(c))) {
    return splitNodes({ ...level, open: `${level.open}${openTag(level.raw, node)}`, close: `${closeTag(level.raw, node)}${level.close}` }, node.children ?? []);
  }
  return PROSE.has(name) ? splitProse(level, node) : undefined;
}

/**
 * A raw HTML block too large for a slide: a `<table>` by rows (its header repeated), a container
 * (`<div>`, `<ul>`, `<blockquote>`…) between its children, a paragraph between sentences. What
 * cannot be split stays whole, for fit to shrink and report.
 */
export function splitHtmlBlock(block: Block, limit: Limit, s: HtmlSplitter): Block[] {
  const raw = block.token.raw.replace(/\n+$/, '');
  if (raw.trimStart().startsWith('<!--')) return [block];
  const pieces = splitNodes({ raw, open: '', close: '', limit, line: block.line, s }, parseHtml(raw));
  if (pieces.length < 2) return [block];
  return pieces.map((p) => htmlBlock(p.source, block.line + newlines(raw.slice(0, p.at))));
}
