import { isBodySlide, type Section, type Slide, type SlideMeasure } from '../types.js';
import { bodyLines } from '../split/layout.js';
import { estimatedLines } from './refit.js';
import type { SplitContext } from '../split/split-block.js';
import { figureImage } from '../lex/image-attrs.js';

// Aim under the measured room: the estimate is an average and single slides vary around it.
const TARGET = 0.92;
const MIN_SCALE = 0.4;
const MAX_SCALE = 4;

/**
 * The budget's line estimate is deliberately cautious (a table row is costed at twice its real
 * height). Once the slides are measured, each section learns its own pixels per estimated line,
 * and its line limit is scaled so the section is packed again to fill its slides, not half of them.
 */
export function calibrate(slides: Slide[], measures: SlideMeasure[], ctx: SplitContext, classified = false): Map<number, number> {
  const sums = new Map<number, { used: number; est: number; room: number; title: string }>();
  slides.forEach((slide, i) => {
    const m = measures[i];
    // A figure grows into the free room of its slide: that slide measures full whatever it holds.
    if (!isBodySlide(slide) || !m || slide.scale || slide.blocks.some((b) => figureImage(b.token))) return;
    const est = estimatedLines(slide.blocks, ctx);
    if (est <= 0 || m.used <= 0) return;
    const s = sums.get(slide.sectionIndex) ?? { used: 0, est: 0, room: Infinity, title: slide.title };
    sums.set(slide.sectionIndex, { used: s.used + m.used, est: s.est + est, room: Math.min(s.room, m.room), title: s.title });
  });
  const scales = new Map<number, number>();
  for (const [index, s] of sums) {
    // The limit the scale multiplies (to-slides.ts): the measured room already lacks the banner.
    const limit = bodyLines(s.title, ctx.layout, classified);
    const fits = (s.room / (s.used / s.est)) * TARGET;
    scales.set(index, Math.min(MAX_SCALE, Math.max(MIN_SCALE, fits / limit)));
  }
  return scales;
}

/** The scale for a section, for `toSlides`'s `lineScale`. */
export function scaleOf(scales: Map<number, number>): (section: Section) => number {
  return (section) => scales.get(section.index) ?? 1;
}
