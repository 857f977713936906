import { labelsFor } from '../i18n/labels.js';
import type { DeckPlan, Section, Slide } from '../types.js';
import { attachFootnotes } from './footnotes.js';
import { addFurniture } from './furniture.js';
import { toSlides } from './to-slides.js';

/**
 * The whole deck's slides from its plan: the sections packed, the agenda and closing around them,
 * each slide's footnotes attached. `lineScale` comes from fit's calibration (fit/calibrate.ts).
 */
export function packDeck(plan: DeckPlan, lineScale?: (section: Section) => number): Slide[] {
  const { brief, links } = plan;
  const labels = labelsFor(brief.meta.lang);
  const slides = toSlides(plan.sections, brief, links, labels, lineScale);
  return attachFootnotes(addFurniture(slides, plan.own, brief, links, labels, plan.sections), plan.footnotes);
}
