import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { measureDeck } from '../../src/fit/measure-page.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { TOLERANCE } from '../../src/fit/refit.js';
import { wordsMissingFromSlides } from '../helpers/lost-words.js';
import { workerBrowser } from '../helpers/browser.js';
import { EXAMPLE, fixture } from '../helpers/fixtures.js';
import type { Mode } from '../../src/types.js';

const session = workerBrowser();

const DOCUMENTS: Array<[string, Mode]> = [
  [EXAMPLE, 'full'],
  [EXAMPLE, 'condensed'],
  [fixture('fit/long-report.md'), 'full'],
  [fixture('fit/long-report.md'), 'condensed'],
  [fixture('fit/wide-images.md'), 'full'],
  [fixture('fit/chinese.md'), 'full'],
  [fixture('fit/japanese.md'), 'condensed'],
  [fixture('fit/arabic.md'), 'full'],
  [fixture('fit/russian.md'), 'condensed'],
];

describe('fit by measurement', () => {
  for (const [file, mode] of DOCUMENTS) {
    it(`${file.split('/').pop()} (${mode}): every slide fits, measured again independently, and no word is lost`, async () => {
      const { deck, slides, diagnostics, fit } = await composeDeck(file, { browser: session, mode });
      expect(fit.verified).toBe(true);
      expect(fit.overflow).toBe(0);
      expect(diagnostics.list.filter((d) => d.code === 'overflow')).toEqual([]);
      const measured = await measureDeck(session, deck);
      const over = slides.filter((_, i) => measured[i].overflowY > TOLERANCE || measured[i].overflowX > TOLERANCE || measured[i].frameOverflowY > TOLERANCE);
      expect(over.map((s) => s.id)).toEqual([]);
      expect(wordsMissingFromSlides(lexBrief(deck.brief).blocks, deck.brief.meta.title, slides)).toEqual([]);
    });
  }

  it('fills slides better than the cautious budget estimate alone', async () => {
    const budgetOnly = await composeDeck(fixture('fit/long-report.md'), { fit: false });
    const fitted = await composeDeck(fixture('fit/long-report.md'), { browser: session });
    expect(fitted.slides.length).toBeLessThan(budgetOnly.slides.length);
  });

  it('shrinks what cannot be split to the floor, then reports it at the line of the block', async () => {
    const { slides, diagnostics, fit } = await composeDeck(fixture('fit/unfixable-table.md'), { browser: session });
    const table = slides.find((s) => s.blocks.some((b) => b.token.type === 'table'));
    expect(table?.scale).toBeCloseTo(20 / 28, 2);
    expect(fit.overflow).toBe(1);
    const overflow = diagnostics.list.filter((d) => d.code === 'overflow');
    expect(overflow).toHaveLength(1);
    expect(overflow[0].at?.line).toBe(11);
    expect(overflow[0].message).toMatch(/slide wide-table \(3\) is \d+ px too wide/);
  });

  it('without a browser, builds from the budget and warns that fit was not verified', async () => {
    await using missing = new BrowserSession({ browserPath: '/nonexistent/chromium' });
    const { slides, diagnostics, fit } = await composeDeck(fixture('fit/long-report.md'), { browser: missing });
    expect(fit.verified).toBe(false);
    expect(slides.length).toBeGreaterThan(5);
    expect(diagnostics.list.map((d) => d.code)).toContain('fit-unverified');
  });
});
