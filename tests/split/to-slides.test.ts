import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';
import { condense } from '../../src/split/condense.js';
import { renderBlocks } from '../../src/render/render-markdown.js';

function slidesOf(text: string) {
  const brief = parseBrief(text, 'x.md', new Diagnostics());
  const { blocks, links } = lexBrief(brief);
  const body = brief.meta.mode === 'condensed' ? condense(blocks, { lang: brief.meta.lang, links }) : blocks;
  return toSlides(toSections(body, brief.meta), brief, links);
}

describe('toSlides', () => {
  it('makes a title slide, a summary and a section slide per ##', () => {
    const slides = slidesOf('---\ntitle: T\n---\n\nIntro.\n\n## One\n\nText one.\n\n## Two\n\nText two.\n');
    expect(slides.map((s) => [s.kind, s.id])).toEqual([
      ['title', 'title'],
      ['summary', 'summary'],
      ['section', 'one'],
      ['content', 'one-p1'],
      ['section', 'two'],
      ['content', 'two-p1'],
    ]);
  });
});

describe('toSlides keeps every speaker note', () => {
  it('puts notes that stand alone before a break on the first slide after it', () => {
    const slides = slidesOf('<!-- notes: said first -->\n\n---\n\nText.\n\n## One\n\n<!-- notes: under heading -->\n\n---\n\nMore.\n');
    expect(slides.map((s) => [s.id, s.notes])).toEqual([
      ['title', []],
      ['summary', ['said first']],
      ['one', []],
      ['one-p1', ['under heading']],
    ]);
  });
});

describe('toSlides keeps every word of a split paragraph', () => {
  it('a piece that starts like a link definition stays text', () => {
    const slides = slidesOf('---\ntitle: T\nbudget: 20\n---\n\n[^1]: a. Ua `a` a a a a 中中中中中中中中中中中中 a. a.\n');
    const html = slides.map((s) => renderBlocks(s.blocks, new Map())).join('\n');
    expect(html).toContain('[^1]: a.');
  });

  it.each([['full', 'mode: full\n'], ['condensed', 'mode: condensed\n']])('keeps a lead-in ending in a colon on the slide of the list it introduces (%s)', (_, mode) => {
    // One sentence each, so that condensed mode keeps them whole as bullets.
    const para = (n: number) => `Paragraph ${n} ${'sets out the context of the matter at some length, '.repeat(3).trim()} and ends.`;
    const item = (what: string) => `- ${what}, ${'measured against the baseline and the plan'.repeat(2)}`;
    const list = ['the cost', 'the time', 'the risk', 'the staff'].map(item).join('\n');
    const slides = slidesOf(`---\ntitle: T\nbudget: 1000\n${mode}---\n\n## Method\n\n${para(1)}\n\n${para(2)}\n\nFor each, we examined:\n\n${list}\n`);
    const method = slides.filter((s) => s.kind === 'content');
    expect(method.length).toBeGreaterThan(1);
    const withLeadIn = method.find((s) => s.blocks.some((b) => /For each, we examined:/.test(b.token.raw)));
    expect(withLeadIn?.blocks.some((b) => /the cost/.test(b.token.raw))).toBe(true);
  });
});

describe('a paragraph that points ahead stays with what it names', () => {
  it('keeps "The checklist below…" on the slide of the checklist (full mode)', () => {
    const para = (n: number) => `Paragraph ${n} ${'sets out the context of the matter at some length, '.repeat(4).trim()} and ends.`;
    const list = ['the cost', 'the time', 'the risk', 'the staff', 'the plan'].map((w) => `- [ ] Check ${w} against the baseline and the agreed plan of work`).join('\n');
    const slides = slidesOf(`---\ntitle: T\nmode: full\n---\n\n## Method\n\n${para(1)}\n\n${para(2)}\n\n${para(3)}\n\nThe checklist below sets out what each office must confirm before the review.\n\n${list}\n`);
    const method = slides.filter((s) => s.kind === 'content');
    expect(method.length).toBeGreaterThan(1);
    const named = method.find((s) => s.blocks.some((b) => /The checklist below/.test(b.token.raw)));
    expect(named?.blocks.some((b) => /Check the cost/.test(b.token.raw))).toBe(true);
  });
});
