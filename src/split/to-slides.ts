import type { Links, Tokens } from 'marked';
import { plainText } from '../lex/markdown.js';
import type { Block, Brief, Section, Slide } from '../types.js';
import { bodyLines, layoutFor, ZERO } from './layout.js';
import { pack, type Atom, type Limit } from './pack.js';
import { costOf, splitBlock, type SplitContext } from './split-block.js';
import { assignIds } from './slide-id.js';

export interface SlideLabels {
  summary: string;
  keyJudgements: string;
}

const DEFAULT_LABELS: SlideLabels = { summary: 'Summary', keyJudgements: 'Key judgements' };

/** Condensed slides hold three to five bullets (briefing.md): more is not read at a glance. */
export const MAX_BULLETS = 5;

/** Cuts a section's blocks into runs at `<!-- break -->` and `---`. */
function runs(blocks: Block[]): Block[][] {
  const out: Block[][] = [[]];
  for (const block of blocks) {
    if (block.directive?.kind === 'break') out.push([]);
    else out[out.length - 1].push(block);
  }
  return out;
}

const RE_LEAD_IN = /[:：]\s*$/u;
/** A closing sentence that points at what comes next ("The checklist below sets out…"). */
const RE_POINTS_AHEAD = /\b(?:below|the following|as follows)\b[^.!?]*[.!?]?\s*$/i;

/**
 * A paragraph (or, condensed, its bullet) ending in a colon introduces the block after it, as does
 * one whose last sentence points ahead to it ("The checklist below…"): neither ends a slide.
 */
function introduces(block: Block): boolean {
  if (block.token.type !== 'paragraph' && block.token.type !== 'list') return false;
  const text = plainText(block.token);
  return RE_LEAD_IN.test(text) || (block.token.type === 'paragraph' && RE_POINTS_AHEAD.test(text.slice(-160)));
}

/**
 * Atoms for packing: every block split to fit alone, a sub-heading or a lead-in ("For each, we
 * examined:") glued to what follows it (neither ends a slide), and notes directives costing
 * nothing so they land where they stand.
 */
/** What a block counts against a slide's bullets: a list its items, a heading or directive nothing. */
function bulletsOf(block: Block): number {
  if (block.directive || block.token.type === 'heading') return 0;
  return block.token.type === 'list' ? (block.token as Tokens.List).items.length : 1;
}

export function atomsOf(run: Block[], limit: Limit, ctx: SplitContext): Atom<Block[]>[] {
  const atoms: Atom<Block[]>[] = [];
  let pending: Block[] = [];
  let pendingCost = { ...ZERO };
  let count = 0;
  for (const block of run.flatMap((b) => (b.directive ? [b] : carryNotes(b, splitBlock(b, limit, ctx))))) {
    const cost = block.directive ? ZERO : costOf(block, ctx);
    pending.push(block);
    pendingCost = { words: pendingCost.words + cost.words, lines: pendingCost.lines + cost.lines + (cost === ZERO ? 0 : ctx.layout.gap) };
    count += bulletsOf(block);
    if (block.directive || block.token.type === 'heading' || introduces(block)) continue;
    atoms.push({ item: pending, cost: { words: pendingCost.words, lines: pendingCost.lines - ctx.layout.gap }, gap: ctx.layout.gap, count });
    pending = [];
    pendingCost = { ...ZERO };
    count = 0;
  }
  if (pending.length > 0) {
    const last = atoms[atoms.length - 1];
    if (last) last.item.push(...pending);
    else atoms.push({ item: pending, cost: pendingCost, gap: ctx.layout.gap, count });
  }
  return atoms;
}

interface Draft {
  blocks: Block[];
  notes: string[];
  /** The assertion title a `<!-- title: … -->` on this slide gives it. */
  assertion?: string;
}

function assertionOf(blocks: Block[]): string | undefined {
  const found = blocks.find((b) => b.directive?.kind === 'title');
  return found?.directive?.kind === 'title' ? found.directive.text : undefined;
}

/** A block's own notes go with the first piece it is split into. */
export function carryNotes(block: Block, pieces: Block[]): Block[] {
  if (!block.notes || pieces[0] === block || pieces.length === 0) return pieces;
  return [{ ...pieces[0], notes: block.notes }, ...pieces.slice(1)];
}

export function notesOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) => [...(b.directive?.kind === 'notes' && b.directive.text ? [b.directive.text] : []), ...(b.notes ?? [])]);
}

export function draftsOf(section: Section, limit: Limit, ctx: SplitContext): Draft[] {
  const drafts: Draft[] = [];
  // Notes in a run with no text, before any slide of the section: they go on its first slide.
  let early: string[] = [];
  for (const run of runs(section.blocks)) {
    if (!run.some((b) => !b.directive)) {
      // Notes with no text of their own around them stay with the slide before.
      if (drafts.length > 0) drafts[drafts.length - 1].notes.push(...notesOf(run));
      else early.push(...notesOf(run));
      continue;
    }
    for (const groups of pack(atomsOf(run, limit, ctx), limit)) {
      const blocks = groups.flat();
      const assertion = assertionOf(blocks);
      drafts.push({ blocks: blocks.filter((b) => !b.directive), notes: [...early, ...notesOf(blocks)], ...(assertion ? { assertion } : {}) });
      early = [];
    }
  }
  return drafts;
}

function titleSlide(brief: Brief): Slide {
  return { id: 'title', kind: 'title', title: brief.meta.title, part: 1, parts: 1, blocks: [], notes: [], line: 1, sectionIndex: 0 };
}

/**
 * The sections' slides, with their ids (split/slide-id.ts). `lineScale` widens
 * or narrows a section's line limit once fit has measured how its slides really lay out.
 */
export function toSlides(sections: Section[], brief: Brief, links: Links, labels: SlideLabels = DEFAULT_LABELS, lineScale?: (section: Section) => number): Slide[] {
  const layout = layoutFor(brief.meta.aspect);
  const ctx: SplitContext = { layout, lang: brief.meta.lang, links };
  const slides: Slide[] = [titleSlide(brief)];
  for (const section of sections) {
    const condensed = brief.meta.mode === 'condensed';
    const title = section.title ?? section.heading ?? (condensed ? labels.keyJudgements : labels.summary);
    const lines = bodyLines(title, layout, Boolean(brief.meta.classification)) * (lineScale?.(section) ?? 1);
    const limit = { words: brief.meta.budget, lines, ...(condensed ? { items: MAX_BULLETS } : {}) };
    const drafts = draftsOf(section, limit, ctx);
    const generated = section.sources ? { generated: true as const } : {};
    const kind = section.heading === null ? 'summary' : section.sources ? 'sources' : 'content';
    if (section.heading !== null) {
      slides.push({ id: '', kind: 'section', title, titleToken: section.headingToken, part: 1, parts: 1, blocks: [], notes: [], line: section.line, sectionIndex: section.index, ...generated });
    }
    drafts.forEach((draft, i) => {
      slides.push({
        id: '',
        kind,
        title,
        titleToken: section.headingToken,
        part: i + 1,
        parts: drafts.length,
        blocks: draft.blocks,
        notes: draft.notes,
        line: draft.blocks[0]?.line ?? section.line,
        sectionIndex: section.index,
        ...(draft.assertion ? { assertion: draft.assertion } : {}),
        ...generated,
      });
    });
    // Notes written directly under a heading with no text land on the section slide.
    if (drafts.length === 0) {
      slides[slides.length - 1].notes.push(...notesOf(section.blocks));
    }
  }
  return assignIds(slides);
}
