import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { measureDeck } from '../../src/fit/measure-page.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { TOLERANCE } from '../../src/fit/refit.js';
import { wordsMissingFromSlides } from '../helpers/lost-words.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const session = workerBrowser();

// Raw HTML from real documents, each of which overflowed by 1,400–2,800 px when it was never split.
const DOCUMENTS = ['fit/html-table.md', 'fit/html-table-ja.md', 'fit/html-div.md'];

describe('raw HTML that does not fit one slide', () => {
  for (const name of DOCUMENTS) {
    it(`${name}: split over slides that all fit, measured again independently, no word lost`, async () => {
      const { deck, slides, diagnostics, fit } = await composeDeck(fixture(name), { browser: session });
      expect(fit.verified).toBe(true);
      expect(diagnostics.list.filter((d) => d.code === 'overflow')).toEqual([]);
      const measured = await measureDeck(session, deck);
      const over = slides.filter((_, i) => measured[i].overflowY > TOLERANCE || measured[i].overflowX > TOLERANCE || measured[i].frameOverflowY > TOLERANCE);
      expect(over.map((s) => s.id)).toEqual([]);
      expect(slides.filter((s) => s.blocks.some((b) => b.token.type === 'html')).length).toBeGreaterThan(2);
      expect(wordsMissingFromSlides(lexBrief(deck.brief).blocks, deck.brief.meta.title, slides)).toEqual([]);
    });
  }

  it('repeats the header row of an HTML table on every part, and keeps its column alignment', async () => {
    const { slides, deck } = await composeDeck(fixture('fit/html-table.md'), { browser: session });
    const parts = deck.slides.filter((s) => s.bodyHtml.includes('<table'));
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.bodyHtml).toMatch(/<thead><tr><th>Site<\/th>/);
      expect(part.bodyHtml).toMatch(/<td align="right">/);
    }
    // Rows in source order, each once.
    const rows = parts.flatMap((p) => Array.from(p.bodyHtml.matchAll(/<td>Site (\d+)<\/td>/g), (m) => Number(m[1])));
    expect(rows).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(slides.length).toBeGreaterThan(parts.length);
  });

  it('shrinks raw HTML that cannot be split to the floor, then reports it at the line of its block', async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = path.join(dir, 'wide.md');
      const cells = Array.from({ length: 30 }, (_, i) => `<td>Interconnector${i}Capacity</td>`).join('');
      await writeFile(file, `---\ntitle: Wide\n---\n\n## A wide row\n\nBefore.\n\n<table><tr>${cells}</tr></table>\n`);
      const { slides, diagnostics } = await composeDeck(file, { browser: session });
      const wide = slides.find((s) => s.blocks.some((b) => b.token.type === 'html'));
      expect(wide?.scale).toBeCloseTo(20 / 28, 2);
      const overflow = diagnostics.list.filter((d) => d.code === 'overflow');
      expect(overflow.map((d) => d.at?.line)).toEqual([9]);
      expect(overflow[0].message).toMatch(/px too wide even at the smallest text size/);
    } finally {
      await remove();
    }
  });
});
