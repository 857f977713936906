import type { Links, Token, Tokens } from 'marked';
import { lexMarkdown } from '../lex/markdown.js';
import type { Block } from '../types.js';
import { sentences } from './sentences.js';

export interface CondenseContext {
  lang: string;
  links: Links;
}

const RE_SENTENCE_NUMBER = /^\d+$/;

/** A paragraph that is only an image (or images) is a figure; it stays as it is. */
function isFigure(token: Token): boolean {
  const inner = 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
  return inner.length > 0 && inner.every((t: Token) => t.type === 'image' || (t.type === 'text' && t.raw.trim() === '') || t.type === 'br');
}

/**
 * The bullet for a paragraph: its lead sentence, or what a `<!-- gist: … -->` just before it says:
 * a short form in the author's words, or the number of the sentence to lead with.
 */
function leadOf(text: string, gist: string | undefined, lang: string): string {
  if (gist && !RE_SENTENCE_NUMBER.test(gist)) return gist;
  const all = sentences(text, lang).map((s) => s.trim()).filter(Boolean);
  return all[Number(gist ?? 1) - 1] ?? all[0] ?? text;
}

function bullet(block: Block, text: string, marker: string, gist: string | undefined, ctx: CondenseContext): Block {
  const lead = leadOf(text.replace(/[ \t]*\n[ \t]*/g, ' '), gist, ctx.lang);
  const token = lexMarkdown(`${marker} ${lead}`, ctx.links).find((t) => t.type === 'list');
  if (!token) return block;
  // The whole text goes to the notes, so nothing the author wrote is lost.
  return { token, line: block.line, notes: lead === text ? undefined : [text] };
}

function newlines(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

/** An item holding a nested list, code or a table is structure, not prose: it stays whole. */
function hasStructure(item: Tokens.ListItem): boolean {
  return item.tokens.some((t) => t.type === 'list' || t.type === 'code' || t.type === 'table');
}

/** Items of prose become their lead sentence, one block each so each item's notes travel with it. */
function condenseList(block: Block, ctx: CondenseContext): Block[] {
  const list = block.token as Tokens.List;
  if (list.items.length === 1 && hasStructure(list.items[0])) return [block];
  let offset = 0;
  return list.items.map((item, i) => {
    const at = list.raw.indexOf(item.raw, offset);
    offset = at + item.raw.length;
    const marker = list.ordered ? `${(Number(list.start) || 1) + i}.` : '-';
    const task = item.task ? `[${item.checked ? 'x' : ' '}] ` : '';
    const piece = { ...block, line: block.line + newlines(list.raw.slice(0, at)) };
    if (hasStructure(item)) {
      const token = lexMarkdown(item.raw.trimEnd(), ctx.links).find((t) => t.type === 'list');
      return token ? { ...piece, token } : piece;
    }
    return bullet(piece, item.text.trim(), `${marker} ${task}`.trimEnd(), undefined, ctx);
  });
}

/**
 * Condensed mode, for presenting: each paragraph becomes a bullet with its gist and carries the
 * full paragraph into the speaker notes of whichever slide it lands on; a list item of prose
 * likewise. Nested lists, tables, code, quotes, figures and headings stay as they are.
 */
export function condense(blocks: Block[], ctx: CondenseContext): Block[] {
  let gist: string | undefined;
  return blocks.flatMap((block) => {
    if (block.directive?.kind === 'gist') {
      gist = block.directive.text;
      return [block];
    }
    const given = gist;
    gist = undefined;
    if (block.token.type === 'list') return condenseList(block, ctx);
    return block.token.type === 'paragraph' && !isFigure(block.token) ? [bullet(block, block.token.raw.trim(), '-', given, ctx)] : [block];
  });
}
