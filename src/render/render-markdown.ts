import type { Token, Tokens } from 'marked';
import type { Block, ImageMap } from '../types.js';
import { lexMarkdown, markdown } from '../lex/markdown.js';
import { sanitize } from './sanitize.js';
import { figureImage } from '../lex/image-attrs.js';
import { highlightedCode } from './highlight-code.js';
import type { FootnoteRef } from '../lex/footnotes.js';

const RE_FIRST_ITEM = /^(\s*<(?:ul|ol)\b[^>]*)>(\s*<li)\b/;

/** An image alone in its paragraph is a figure, its alt text the visible caption. */
function figureHtml(token: Token): string | undefined {
  const image = figureImage(token);
  if (!image) return undefined;
  const caption = image.text ? `<figcaption>${escapeHtml(image.text)}</figcaption>` : '';
  return `<figure class="bd-figure">${markdown.Parser.parseInline([image], markdown.defaults)}${caption}</figure>\n`;
}

function blockHtml(block: Block): string {
  const token = block.token as Token;
  const html = figureHtml(token) ?? (token.type === 'code' ? highlightedCode(token as Tokens.Code) : undefined) ?? markdown.parser([token]);
  // A continued list item carries no marker: it is the rest of the item on the slide before.
  return block.cont ? html.replace(RE_FIRST_ITEM, '$1 class="bd-cont">$2 class="bd-cont"') : html;
}

export function renderBlocks(blocks: Block[], images: ImageMap, trusted = false): string {
  return sanitize(blocks.map(blockHtml).join('\n'), images, trusted);
}

export function renderInline(token: Tokens.Heading | undefined, fallback: string, images: ImageMap): string {
  if (!token) return sanitize(escapeHtml(fallback), images);
  return sanitize(markdown.Parser.parseInline(token.tokens, markdown.defaults), images);
}

/**
 * Notes are Markdown too, written in a `<!-- notes: … -->` directive. Their footnote references
 * are numbered as on the slides (`numbers`, from split/footnotes.ts), never shown by label.
 */
export function renderNotes(notes: string[], images: ImageMap, trusted = false, numbers: Record<string, number> = {}): string {
  if (notes.length === 0) return '';
  const tokens = lexMarkdown(notes.join('\n\n'));
  markdown.walkTokens(tokens, (t) => {
    if (t.type === 'footnoteRef' && Object.hasOwn(numbers, (t as FootnoteRef).label)) (t as FootnoteRef).number = numbers[(t as FootnoteRef).label];
  });
  return sanitize(markdown.parser(tokens), images, trusted);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
