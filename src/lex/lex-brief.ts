import type { Links, Token } from 'marked';
import type { Block, Brief, Directive, ImageRef } from '../types.js';
import { RE_INCLUDE } from '../load/expand-includes.js';
import { lexMarkdown, markdown } from './markdown.js';
import { checkNesting } from './nesting.js';
import type { NotesDiv } from './notes-div.js';

const RE_BREAK = /^\s*<!--\s*break\s*-->\s*$/i;
const RE_NOTES = /^\s*<!--\s*notes?\s*:([\s\S]*?)-->\s*$/i;
const RE_GIST = /^\s*<!--\s*gist\s*:([\s\S]*?)-->\s*$/i;
const RE_TITLE = /^\s*<!--\s*title\s*:([\s\S]*?)-->\s*$/i;

/** A directive is a block-level HTML comment of a known form (or a Quarto `::: notes` div); other comments stay HTML. */
export function readDirective(token: Token): Directive | undefined {
  if (token.type === 'hr') return { kind: 'break' };
  if (token.type === 'notesDiv') return { kind: 'notes', text: (token as NotesDiv).text };
  if (token.type !== 'html') return undefined;
  if (RE_BREAK.test(token.raw)) return { kind: 'break' };
  const notes = RE_NOTES.exec(token.raw);
  if (notes) return { kind: 'notes', text: notes[1].trim() };
  const gist = RE_GIST.exec(token.raw);
  if (gist) return { kind: 'gist', text: gist[1].trim() };
  const title = RE_TITLE.exec(token.raw);
  return title && title[1].trim() ? { kind: 'title', text: title[1].replace(/\s+/g, ' ').trim() } : undefined;
}

/** Counts lines through the raw text of tokens: marked keeps no positions of its own. */
export function toBlocks(tokens: Token[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let line = firstLine;
  for (const token of tokens) {
    // An include directive has done its work in load: the included text follows it.
    const include = token.type === 'html' && RE_INCLUDE.test(token.raw.trim());
    if (token.type !== 'space' && token.type !== 'def' && !include) {
      const leading = /^\n*/.exec(token.raw)?.[0].length ?? 0;
      blocks.push({ token, line: line + leading, directive: readDirective(token) });
    }
    line += (token.raw.match(/\n/g) ?? []).length;
  }
  return blocks;
}

export interface LexedBrief {
  blocks: Block[];
  /** Reference-link definitions, needed again when a split piece is re-lexed. */
  links: Links;
}

export function lexBrief(brief: Brief): LexedBrief {
  checkNesting(brief.body, brief.file, brief.bodyLine);
  const tokens = lexMarkdown(brief.body);
  return { blocks: toBlocks(tokens, brief.bodyLine), links: tokens.links };
}

/** The images a brief shows, in source order, with the line of the block that holds each. */
export function imageRefs(blocks: Block[]): ImageRef[] {
  const found: ImageRef[] = [];
  for (const block of blocks) {
    markdown.walkTokens([block.token], (token: Token) => {
      if (token.type === 'image') found.push({ src: token.href, alt: token.text, line: block.line });
    });
  }
  return found;
}
