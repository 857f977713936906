import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../src/pdf/outline.js';
import type { RenderedSlide, SlideKind } from '../../src/types.js';

function slide(kind: SlideKind, title: string, id: string, part = 1, parts = 1): RenderedSlide {
  return { id, kind, title, part, parts, line: 1, bodyHtml: '', notesHtml: '' };
}

describe('outlineOf', () => {
  it('puts the title, the summary and each section at the top, a section\'s slides beneath it', () => {
    const outline = outlineOf([
      slide('title', 'Brief', 'title'),
      slide('summary', 'Summary', 'summary', 1, 2),
      slide('summary', 'Summary', 'summary-p2', 2, 2),
      slide('section', 'One', 'one'),
      slide('content', 'One', 'one-p1', 1, 2),
      slide('content', 'One', 'one-p2', 2, 2),
      slide('section', 'Two', 'two'),
      slide('content', 'Two', 'two-p1'),
    ]);
    expect(outline).toEqual([
      { title: 'Brief', id: 'title', children: [] },
      { title: 'Summary', id: 'summary', children: [] },
      {
        title: 'One',
        id: 'one',
        children: [
          { title: 'One (1/2)', id: 'one-p1', children: [] },
          { title: 'One (2/2)', id: 'one-p2', children: [] },
        ],
      },
      { title: 'Two', id: 'two', children: [{ title: 'Two', id: 'two-p1', children: [] }] },
    ]);
  });

  it('keeps content slides that come before any section at the top', () => {
    expect(outlineOf([slide('title', 'T', 'title'), slide('content', 'Loose', 'loose')]).map((n) => n.id)).toEqual(['title', 'loose']);
  });
});
