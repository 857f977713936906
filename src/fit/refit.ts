import { isBodySlide, type Block, type Slide, type SlideMeasure } from '../types.js';
import { pack } from '../split/pack.js';
import type { SplitContext } from '../split/split-block.js';
import { costOf } from '../split/split-block.js';
import { assignIds } from '../split/slide-id.js';
import { atomsOf, notesOf } from '../split/to-slides.js';

/** A slide that still does not fit once nothing is left to split and the floor is reached. */
export interface Unfit {
  slide: Slide;
  /** 1-based number of the slide in the deck. */
  number: number;
  overflowY: number;
  overflowX: number;
  /** Line of the block that sticks out, when the browser could tell which one. */
  line: number;
}

export interface RefitOptions {
  ctx: SplitContext;
  budget: number;
  /** Smallest zoom of a body: 20 px body text on the 28 px theme. */
  floor: number;
  /** The brief has a classification banner (split/layout.ts, `bodyLines`). */
  classified?: boolean;
}

/** Half a pixel of rounding is not an overflow. */
export const TOLERANCE = 1;
// Aim a little under the measured room so the next round does not land on the edge again.
const MARGIN = 0.94;

export function estimatedLines(blocks: Block[], ctx: SplitContext): number {
  return blocks.reduce((sum, b, i) => sum + costOf(b, ctx).lines + (i > 0 ? ctx.layout.gap : 0), 0);
}

/** Re-packs an overflowing slide with its line limit scaled to what the browser measured. */
function resplit(slide: Slide, m: SlideMeasure, opts: RefitOptions): Block[][] {
  const room = m.bodyHeight / (m.bodyHeight + m.overflowY);
  const limit = { words: opts.budget, lines: Math.max(1, estimatedLines(slide.blocks, opts.ctx) * room * MARGIN) };
  return pack(atomsOf(slide.blocks, limit, opts.ctx), limit).map((group) => group.flat());
}

function shrink(scale: number, room: number, floor: number): number {
  return Math.max(floor, Math.floor(scale * room * 0.99 * 1000) / 1000);
}

function refitOne(slide: Slide, m: SlideMeasure, opts: RefitOptions): Slide[] | 'unfit' | undefined {
  const tall = m.overflowY > TOLERANCE || m.frameOverflowY > TOLERANCE;
  const wide = m.overflowX > TOLERANCE;
  const scale = slide.scale ?? 1;
  // The closing recall is read as one slide, never cut: its text is made smaller instead (split
  // sized it for the floor, split/furniture.ts).
  if (slide.kind === 'closing' && (tall || wide) && scale > opts.floor + 1e-6) return [{ ...slide, scale: shrink(scale, Math.min(wide ? m.bodyWidth / (m.bodyWidth + m.overflowX) : 1, tall ? m.bodyHeight / (m.bodyHeight + m.overflowY) : 1), opts.floor) }];
  if (!isBodySlide(slide)) return tall || m.frameOverflowY > TOLERANCE ? 'unfit' : undefined;
  if (!tall && !wide) return undefined;
  if (tall) {
    const groups = resplit(slide, m, opts);
    if (groups.length > 1) {
      const own = new Set(notesOf(slide.blocks));
      const loose = slide.notes.filter((n) => !own.has(n));
      return groups.map((blocks, i) => ({ ...slide, blocks, notes: [...(i === 0 ? loose : []), ...notesOf(blocks)], line: blocks[0]?.line ?? slide.line }));
    }
  }
  // Footnotes give up their place at the foot before the text is made smaller.
  if (tall && slide.footnotes?.length && !slide.footnotesInNotes) return [{ ...slide, footnotesInNotes: true }];
  if (scale <= opts.floor + 1e-6) return 'unfit';
  const roomY = tall ? m.bodyHeight / (m.bodyHeight + m.overflowY) : 1;
  const roomX = wide ? m.bodyWidth / (m.bodyWidth + m.overflowX) : 1;
  return [{ ...slide, scale: shrink(scale, Math.min(roomX, roomY), opts.floor) }];
}

/** Rendered blocks are the body's children one to one unless raw HTML made more or fewer. */
function culpritLine(slide: Slide, m: SlideMeasure): number {
  const index = m.culprit ?? -1;
  return index >= 0 && m.children === slide.blocks.length ? slide.blocks[index].line : slide.line;
}

/** Parts and ids after slides were split again, made the way `toSlides` makes them. */
export function renumber(slides: Slide[]): Slide[] {
  const counts = new Map<number, number>();
  for (const s of slides) if (isBodySlide(s)) counts.set(s.sectionIndex, (counts.get(s.sectionIndex) ?? 0) + 1);
  const seen = new Map<number, number>();
  return assignIds(slides.map((s) => {
    if (!isBodySlide(s)) return s;
    const part = (seen.get(s.sectionIndex) ?? 0) + 1;
    seen.set(s.sectionIndex, part);
    return { ...s, part, parts: counts.get(s.sectionIndex) ?? 1 };
  }));
}

/**
 * One round of fit: every overflowing slide is split again at its next smaller boundary or, when
 * it is one block that cannot be split, zoomed down towards the floor. Returns the new slides and
 * what cannot be fixed.
 */
export function refit(slides: Slide[], measures: SlideMeasure[], opts: RefitOptions): { slides: Slide[]; changed: boolean; unfit: Unfit[] } {
  const out: Slide[] = [];
  const unfit: Unfit[] = [];
  let changed = false;
  slides.forEach((slide, i) => {
    const m = measures[i];
    const result = m ? refitOne(slide, m, opts) : undefined;
    if (result === undefined) out.push(slide);
    else if (result === 'unfit') {
      out.push(slide);
      unfit.push({ slide, number: i + 1, overflowY: Math.max(m.overflowY, m.frameOverflowY), overflowX: m.overflowX, line: culpritLine(slide, m) });
    } else {
      out.push(...result);
      changed = true;
    }
  });
  return { slides: changed ? renumber(out) : out, changed, unfit };
}
