import { describe, expect, it } from 'vitest';
import { HANDOUT_LAYOUTS, MARGINS, PAPER_SIZES, handoutGeometry, paperFor } from '../../src/render/handout-geometry.js';
import { ASPECTS, PAPERS } from '../../src/types.js';

describe('paperFor', () => {
  it.each([
    ['en-US', 'letter'],
    ['en-us', 'letter'],
    ['es-MX', 'letter'],
    ['fr-CA', 'letter'],
    ['en', 'a4'],
    ['en-GB', 'a4'],
    ['de-DE', 'a4'],
    ['zh-Hant-TW', 'a4'],
    ['sr-Latn-US', 'letter'],
  ])('%s prints on %s', (lang, paper) => {
    expect(paperFor(lang)).toBe(paper);
  });
});

describe('handoutGeometry', () => {
  for (const paper of PAPERS) {
    for (const layout of HANDOUT_LAYOUTS) {
      for (const [aspect, deck] of Object.entries(ASPECTS)) {
        it(`fits ${layout} on ${paper} at ${aspect}`, () => {
          const size = PAPER_SIZES[paper];
          const g = handoutGeometry(paper, layout, deck);
          const contentWidth = size.width - 2 * MARGINS.side;
          const contentHeight = size.height - MARGINS.top - MARGINS.bottom;
          expect(g.thumbWidth).toBeLessThanOrEqual(contentWidth);
          expect(g.thumbHeight / g.thumbWidth).toBeCloseTo(deck.height / deck.width, 2);
          // The slide, laid out at the deck's size and scaled, is exactly the picture's width.
          expect((deck.width * g.scale * 25.4) / 96).toBeCloseTo(g.thumbWidth, 5);
          if (layout === 'notes') return expect(g.rowHeight).toBe(0);
          const rows = layout === '2' ? 2 : 3;
          // Rows and the 4–5 mm between them never add up to more than the page holds.
          expect(rows * (g.rowHeight + 5)).toBeLessThanOrEqual(contentHeight + 1e-9);
          expect(g.rowHeight).toBeGreaterThan(g.thumbHeight);
        });
      }
    }
  }
});
