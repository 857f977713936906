import type { Tokens } from 'marked';
import type { Block, BriefMeta, Section } from '../types.js';
import { fail } from '../errors.js';
import { plainText } from '../lex/markdown.js';

/**
 * More sections than any briefing has: past it a brief is an attempt to exhaust the machine (each
 * section is a slide, an agenda entry and a divider), refused at the heading that goes past it.
 */
export const MAX_SECTIONS = 5_000;

/** Headings at this depth or above open a section (and its section slide); deeper ones stay inside. */
export const SECTION_DEPTH = 2;

function isSectionHeading(block: Block): block is Block & { token: Tokens.Heading } {
  return block.token.type === 'heading' && (block.token as Tokens.Heading).depth <= SECTION_DEPTH;
}

/** Groups blocks into sections: the summary (text before the first heading), then one per heading. */
export function toSections(blocks: Block[], meta: BriefMeta): Section[] {
  let rest = blocks;
  const first = rest[0]?.token;
  // A leading `# Title` that repeats the title is the title slide's, not a section.
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1 && plainText(first).trim() === meta.title.trim()) {
    rest = rest.slice(1);
  }
  const sections: Section[] = [{ index: 0, heading: null, line: rest[0]?.line ?? 1, blocks: [] }];
  for (const block of rest) {
    if (isSectionHeading(block)) {
      sections.push({ index: sections.length, heading: plainText(block.token).trim(), headingToken: block.token, line: block.line, blocks: [] });
    } else {
      sections[sections.length - 1].blocks.push(block);
    }
  }
  return sections;
}

/** Refuses more than MAX_SECTIONS sections, at the heading that goes past it. */
export function checkSectionCount(sections: Section[], file: string): void {
  const past = sections.find((s) => s.index > MAX_SECTIONS);
  if (past) fail('too-many-sections', `a brief may have at most ${MAX_SECTIONS.toLocaleString('en')} sections (## headings); split it into several briefs`, { at: { file, line: past.line } });
}
