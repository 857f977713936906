import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { layoutFor } from '../../src/split/layout.js';
import { calibrate, scaleOf } from '../../src/fit/calibrate.js';
import type { SlideMeasure } from '../../src/types.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';

const TABLE = `## Costs\n\n| Item | Cost |\n|---|---|\n${Array.from({ length: 5 }, (_, i) => `| Item ${i + 1} | ${i + 1}00 |`).join('\n')}\n`;

function setup(front: string) {
  const brief = parseBrief(`---\ntitle: T\n${front}---\n\nSummary.\n\n${TABLE}`, 'x.md', new Diagnostics());
  const { blocks, links } = lexBrief(brief);
  const sections = toSections(blocks, brief.meta);
  return { brief, links, sections, ctx: { layout: layoutFor('16:9'), lang: 'en', links } };
}

const contentOf = (slides: ReturnType<typeof toSlides>) => slides.filter((s) => s.title === 'Costs' && s.kind === 'content').length;

describe('calibrate', () => {
  it.each([['without', ''], ['with', 'classification: OFFICIAL-SENSITIVE\n']])('keeps a 5-row table whole once measured with room to spare, %s a classification banner', (_, front) => {
    const { brief, links, sections, ctx } = setup(front);
    const slides = toSlides(sections, brief, links);
    expect(contentOf(slides)).toBe(1);
    // Measured with the banner already taken from the room: the table uses 90 % of it.
    const measures: SlideMeasure[] = slides.map(() => ({ bodyHeight: 500, bodyWidth: 1100, overflowY: 0, overflowX: 0, frameOverflowY: 0, room: 500, used: 450, children: 1, culprit: -1 }));
    const scales = calibrate(slides, measures, ctx, Boolean(brief.meta.classification));
    expect(contentOf(toSlides(sections, brief, links, undefined, scaleOf(scales)))).toBe(1);
  });
});
