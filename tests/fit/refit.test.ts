import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { layoutFor } from '../../src/split/layout.js';
import { refit } from '../../src/fit/refit.js';
import type { SlideMeasure } from '../../src/types.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';

function setup(body: string) {
  const brief = parseBrief(`---\ntitle: T\nbudget: 1000\nmode: full\n---\n\n${body}`, 'x.md', new Diagnostics());
  const { blocks, links } = lexBrief(brief);
  const slides = toSlides(toSections(blocks, brief.meta), brief, links, undefined, () => 10);
  return { slides, opts: { ctx: { layout: layoutFor('16:9'), lang: 'en', links }, budget: 1000, floor: 0.7 } };
}

const fits: SlideMeasure = { bodyHeight: 500, bodyWidth: 1100, overflowY: 0, overflowX: 0, frameOverflowY: 0, room: 500, used: 400, children: 1, culprit: -1 };

describe('refit', () => {
  it('splits an overflowing slide at its next boundary and renumbers its parts and ids', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says something of note about the matter at hand.`).join('\n\n');
    const { slides, opts } = setup(`## Topic\n\n${paragraphs}\n`);
    expect(slides.map((s) => s.id)).toEqual(['title', 'topic', 'topic-p1']);
    const measures = slides.map((s) => (s.id === 'topic-p1' ? { ...fits, overflowY: 700 } : fits));
    const out = refit(slides, measures, opts);
    expect(out.changed).toBe(true);
    const parts = out.slides.filter((s) => s.kind === 'content');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.map((s) => s.id)).toEqual(parts.map((_, i) => `topic-p${i + 1}`));
    expect(parts.every((s) => s.parts === parts.length)).toBe(true);
    expect(parts.flatMap((s) => s.blocks).length).toBe(12);
  });

  it('zooms one block that cannot be split, then reports it once at the floor', () => {
    const { slides, opts } = setup('## Wide\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    const measures = slides.map((s) => (s.id === 'wide-p1' ? { ...fits, overflowX: 1100 } : fits));
    const once = refit(slides, measures, opts);
    const wide = once.slides.find((s) => s.id === 'wide-p1');
    expect(wide?.scale).toBeCloseTo(0.7, 5);
    const twice = refit(once.slides, measures, opts);
    expect(twice.changed).toBe(false);
    expect(twice.unfit.map((u) => [u.slide.id, u.number, u.line])).toEqual([['wide-p1', 3, 9]]);
  });

  it('makes a closing slide\'s text smaller rather than cut the recall, and reports it at the floor', () => {
    const points = Array.from({ length: 6 }, (_, i) => `- Point ${i} is a recalled conclusion of some length.`).join('\n');
    const { slides, opts } = setup(`## Topic\n\n${points}\n`);
    const closing = slides.map((s) => (s.kind === 'content' ? { ...s, kind: 'closing' as const, generated: true as const } : s));
    const measures = closing.map((s) => (s.kind === 'closing' ? { ...fits, overflowY: 100 } : fits));
    const once = refit(closing, measures, opts);
    expect(once.slides.filter((s) => s.kind === 'closing').map((s) => s.scale)).toEqual([0.825]);
    const atFloor = refit(once.slides.map((s) => (s.kind === 'closing' ? { ...s, scale: 0.7 } : s)), measures, opts);
    expect(atFloor.changed).toBe(false);
    expect(atFloor.unfit.map((u) => u.slide.kind)).toEqual(['closing']);
  });

  it('leaves slides that fit alone', () => {
    const { slides, opts } = setup('Short.\n');
    const out = refit(slides, slides.map(() => fits), opts);
    expect(out.changed).toBe(false);
    expect(out.slides).toEqual(slides);
  });
});
