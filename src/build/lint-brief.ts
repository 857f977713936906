import type { Token, Tokens } from 'marked';
import type { Diagnostics } from '../diagnostics.js';
import { markdown, plainText } from '../lex/markdown.js';
import type { AttributedImage } from '../lex/image-attrs.js';
import { extractFootnotes, unknownRefs } from '../split/footnotes.js';
import type { Block, Brief, Slide, SourceRef } from '../types.js';

/** Where `raw` starts inside a block, as a line and column of the brief. */
function refIn(brief: Brief, block: Block, raw: string): SourceRef {
  const index = Math.max(0, block.token.raw.indexOf(raw));
  const before = block.token.raw.slice(0, index);
  const line = block.line + (before.match(/\n/g) ?? []).length - (/^\n*/.exec(block.token.raw)?.[0].length ?? 0);
  return { file: brief.file, line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

function walk(block: Block, fn: (token: Token) => void): void {
  markdown.walkTokens([block.token], fn);
}

/** A heading with nothing under it: the next block is a heading of the same or a higher level. */
function lintHeadings(brief: Brief, blocks: Block[], diagnostics: Diagnostics): void {
  const content = blocks.filter((b) => !b.directive);
  content.forEach((block, i) => {
    if (block.token.type !== 'heading') return;
    const depth = (block.token as Tokens.Heading).depth;
    const next = content[i + 1]?.token;
    if (next && (next.type !== 'heading' || (next as Tokens.Heading).depth > depth)) return;
    // The leading `# Title` of the brief is the title slide, not a section.
    if (depth === 1 && i === 0 && plainText(block.token).trim() === brief.meta.title.trim()) return;
    const text = plainText(block.token).trim();
    const at = { file: brief.file, line: block.line, column: 1 };
    if (depth <= 2) diagnostics.warn('section-empty', `section "${text}" has no text; its slide will be a bare divider`, at);
    else diagnostics.warn('heading-empty', `heading "${text}" has nothing under it`, at);
  });
}

function lintImages(brief: Brief, blocks: Block[], diagnostics: Diagnostics): void {
  for (const block of blocks) {
    walk(block, (token) => {
      const attrs = token.type === 'image' ? (token as AttributedImage).attrs : undefined;
      if (attrs?.unknown.length) {
        diagnostics.warn('image-attribute', `image ${(token as Tokens.Image).href}: ${attrs.unknown.join(' ')} not understood; briefdeck reads width= and height= (px, %, cm, mm, in, pt)`, refIn(brief, block, attrs.raw));
      }
      if (token.type === 'image' && !(token as Tokens.Image).text.trim()) {
        diagnostics.warn('image-no-alt', `image ${(token as Tokens.Image).href} has no alt text; say what it shows in ![…]`, refIn(brief, block, token.raw));
      }
    });
  }
}

/** `#id` and `#/id` links must name a slide of this deck (its ids are the URL fragments). */
function lintLinks(brief: Brief, blocks: Block[], slides: Slide[], diagnostics: Diagnostics): void {
  const ids = new Set(slides.map((s) => s.id));
  for (const block of blocks) {
    walk(block, (token) => {
      if (token.type !== 'link') return;
      const href = (token as Tokens.Link).href;
      if (!href.startsWith('#')) return;
      const target = decodeURIComponent(href.replace(/^#\/?/, ''));
      if (target === '' || ids.has(target) || /^\d+(?:\/\d+)?$/.test(target)) return;
      diagnostics.warn('link-broken', `link to ${href} points to no slide (slide ids: ${[...ids].slice(0, 6).join(', ')}${ids.size > 6 ? ', …' : ''})`, refIn(brief, block, token.raw));
    });
  }
}

function lintFootnotes(brief: Brief, blocks: Block[], diagnostics: Diagnostics): void {
  const { blocks: body, footnotes } = extractFootnotes(blocks);
  for (const { label, block, raw } of unknownRefs(body, footnotes)) {
    diagnostics.warn('footnote-missing', `footnote [^${label}] is cited but never defined ([^${label}]: source)`, refIn(brief, block, raw));
  }
}

/** The checks of `briefdeck check` that need only the model, not the browser. */
export function lintBrief(brief: Brief, blocks: Block[], slides: Slide[], diagnostics: Diagnostics): void {
  lintHeadings(brief, blocks, diagnostics);
  lintImages(brief, blocks, diagnostics);
  lintLinks(brief, blocks, slides, diagnostics);
  lintFootnotes(brief, blocks, diagnostics);
}
