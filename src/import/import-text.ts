export type { Imported } from './brief-markdown.js';
import { briefMarkdown, type Imported } from './brief-markdown.js';
import { guessLang } from './guess-lang.js';
import { textBlocks, type TextBlock } from './text-blocks.js';

/** Longest title guessed from the text's first line; the author is expected to edit it. */
const TITLE_WORDS = 15;

/**
 * Characters a reader of the text could not type or search for in the deck: a word processor's
 * non-breaking hyphen (U+2011) reads as a hyphen, a soft hyphen (U+00AD) as nothing. A no-break
 * space copied from a web page between two words is a space; one that binds a number to its unit
 * or French punctuation to its word is kept. Runs of spaces are one.
 */
function normalise(text: string): string {
  return text
    .replace(/\u2011/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/(?<![\d«])\u00a0(?![\d:;!?»%€$])/gu, ' ')
    .replace(/[ \t]*\u00a0[ \t]*/g, '\u00a0')
    .replace(/[ \t]{2,}/g, ' ');
}

/** Plain text as Markdown that renders as that text: inline syntax escaped, and what would open a block. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
  return inline.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^(?:[#>=]|[+-](?=\s|$)|-+$)/, '\\$&');
}

/** The title: the text's opening line when it stands alone like a heading, else its first line, shortened. */
function guessTitle(blocks: TextBlock[], text: string): { title: string; consumed: boolean } {
  const first = blocks[0];
  if (first.kind === 'heading') return { title: first.text, consumed: true };
  // The first line with a word in it: a rule of dashes above the text names nothing.
  const line = normalise((text.split('\n').find((l) => /[\p{L}\p{N}]/u.test(l)) ?? first.text).trim());
  const words = line.split(/\s+/);
  const title = words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(' ')}…` : line;
  return { title: title.replace(/[.,;:]+$/, ''), consumed: false };
}

function blockMarkdown(block: TextBlock): string {
  const text = escapeMarkdown(normalise(block.text));
  switch (block.kind) {
    case 'heading':
      return `## ${text}`;
    case 'item':
      return block.number === undefined ? `- ${text}` : `${block.number}. ${text}`;
    case 'paragraph':
      return text;
  }
}

/**
 * Plain text (decoded, LF line ends) to a Markdown brief. Pure: the caller reads the file and names
 * it (`source`, shown in the comment). Returns undefined for text of nothing but blank lines and rules.
 */
export function importText(text: string, source: string): Imported | undefined {
  const blocks = textBlocks(text.replace(/^\uFEFF/, ''));
  if (blocks.length === 0) return undefined;
  const { title, consumed } = guessTitle(blocks, text);
  const body = consumed ? blocks.slice(1) : blocks;
  const lang = guessLang(blocks.map((b) => b.text).join(' '));
  const md = body.map((block) => ({ markdown: blockMarkdown(block), at: block.line }));
  // Items that follow each other are one tight list; everything else is apart.
  const tight = (i: number): boolean => body[i - 1]?.kind === 'item' && body[i].kind === 'item';
  const { markdown, lines } = briefMarkdown({ title, lang }, md, source, { tight });
  const found = { heading: 0, paragraph: 0, item: 0 };
  for (const block of body) found[block.kind]++;
  return { markdown, lines, found };
}
