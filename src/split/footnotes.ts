import { fail } from '../errors.js';
import type { Token } from 'marked';
import type { FootnoteDef, FootnoteRef } from '../lex/footnotes.js';
import { lexMarkdown, markdown } from '../lex/markdown.js';
import type { Block, Footnote, Footnotes, Section, Slide } from '../types.js';
import { anchorOf } from './slide-id.js';


function refsIn(blocks: Block[]): FootnoteRef[] {
  const refs: FootnoteRef[] = [];
  markdown.walkTokens(blocks.map((b) => b.token as Token), (t) => {
    if (t.type === 'footnoteRef') refs.push(t as FootnoteRef);
  });
  return refs;
}

/** Takes the definitions out of the flow of blocks: their text goes to the slides that cite them. */
export function extractFootnotes(blocks: Block[], file = 'brief'): { blocks: Block[]; footnotes: Footnotes } {
  const defs = blocks.filter((b) => b.token.type === 'footnoteDef');
  const rest = blocks.filter((b) => b.token.type !== 'footnoteDef');
  const order = [...new Set(refsIn(rest).map((r) => r.label))];
  const byLabel = new Map<string, Footnote>();
  const known = new Map<string, Block>();
  for (const def of defs) {
    const label = (def.token as FootnoteDef).label;
    const first = known.get(label);
    // Which text was meant is the author's call; keeping one would silently drop the other.
    if (first) fail('footnote-duplicate', `footnote [^${label}] is defined twice (first at line ${first.line})`, { at: { file, line: def.line } });
    known.set(label, def);
  }
  for (const label of [...order.filter((l) => known.has(l)), ...known.keys()]) {
    if (byLabel.has(label)) continue;
    const def = known.get(label) as Block;
    byLabel.set(label, { label, number: byLabel.size + 1, text: (def.token as FootnoteDef).text, line: def.line });
  }
  return { blocks: rest, footnotes: { list: [...byLabel.values()], byLabel } };
}

/** The closing Sources section (titled in the brief's language): every footnote, by number, so a reader can find them all. */
export function sourcesSection(footnotes: Footnotes, index: number, title: string): Section | undefined {
  if (footnotes.list.length === 0) return undefined;
  const line = footnotes.list[0].line;
  const blocks = footnotes.list.map((f) => {
    const token = lexMarkdown(`${f.number}. ${f.text.replace(/\n/g, '\n   ')}`).find((t) => t.type === 'list');
    return { token: token as Token, line: f.line };
  });
  return { index, heading: title, line, blocks, sources: true };
}

/**
 * Gives each slide the footnotes its own blocks cite, numbers the references, and points them at
 * the Sources slide. Run again after every re-split, since a split moves references.
 */
export function attachFootnotes(slides: Slide[], footnotes: Footnotes): Slide[] {
  if (footnotes.list.length === 0) return slides;
  const target = anchorOf(slides, 'sources');
  return slides.map((slide) => {
    if (slide.kind === 'sources') return slide;
    const cited: Footnote[] = [];
    for (const ref of refsIn(slide.blocks)) {
      const note = footnotes.byLabel.get(ref.label);
      if (!note) continue;
      ref.number = note.number;
      ref.href = target;
      if (!cited.includes(note)) cited.push(note);
    }
    return { ...slide, footnotes: cited.length > 0 ? cited.sort((a, b) => a.number - b.number) : undefined, notesFootnotes: notesFootnotes(slide.notes, footnotes) };
  });
}

/** `[^label]` in notes, as the footnote extension reads it (lex/footnotes.ts). */
const RE_NOTES_REF = /\[\^([^\]\s]{1,999})\](?!:)/g;

/**
 * The numbers of the footnotes a slide's notes cite. Notes are Markdown lexed only when rendered,
 * so their references would otherwise show the author's label ("modelling.ng") and not the number.
 */
function notesFootnotes(notes: string[], footnotes: Footnotes): Record<string, number> | undefined {
  const found: Record<string, number> = {};
  for (const note of notes) {
    for (const m of note.matchAll(RE_NOTES_REF)) {
      const known = footnotes.byLabel.get(m[1]);
      if (known) found[m[1]] = known.number;
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** Footnote references with no definition, for `check`. */
export function unknownRefs(blocks: Block[], footnotes: Footnotes): Array<{ label: string; block: Block; raw: string }> {
  return blocks.flatMap((block) => refsIn([block]).filter((r) => !footnotes.byLabel.has(r.label)).map((r) => ({ label: r.label, block, raw: r.raw })));
}
