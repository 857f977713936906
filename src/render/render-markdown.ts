import type { Token, Tokens } from 'marked';
import type { Block } from '../types.js';
import type { ImageMap } from '../load/load-images.js';
import { lexMarkdown, markdown } from '../lex/markdown.js';
import { sanitize } from './sanitize.js';

const RE_FIRST_ITEM = /^(\s*<(?:ul|ol)\b[^>]*)>(\s*<li)\b/;

function blockHtml(block: Block): string {
  const html = markdown.parser([block.token as Token]);
  // A continued list item carries no marker: it is the rest of the item on the slide before.
  return block.cont ? html.replace(RE_FIRST_ITEM, '$1 class="bd-cont">$2 class="bd-cont"') : html;
}

export function renderBlocks(blocks: Block[], images: ImageMap, trusted = false): string {
  return sanitize(blocks.map(blockHtml).join('\n'), images, trusted);
}

export function renderInline(token: Tokens.Heading | undefined, fallback: string, images: ImageMap): string {
  if (!token) return sanitize(escapeHtml(fallback), images);
  return sanitize(markdown.Parser.parseInline(token.tokens), images);
}

/** Notes are Markdown too, written in a `<!-- notes: … -->` directive. */
export function renderNotes(notes: string[], images: ImageMap, trusted = false): string {
  return notes.length === 0 ? '' : sanitize(markdown.parser(lexMarkdown(notes.join('\n\n'))), images, trusted);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
