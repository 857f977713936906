import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';

function slidesOf(text: string) {
  const brief = parseBrief(text, 'x.md', new Diagnostics());
  const { blocks, links } = lexBrief(brief);
  return toSlides(toSections(blocks, brief.meta), brief, links);
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
