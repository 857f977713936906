import { describe, expect, it } from 'vitest';
import type { Tokens } from 'marked';
import { composeDeck } from '../../src/build/compose-deck.js';
import { deckQuality } from '../../src/build/deck-quality.js';
import { plainText } from '../../src/lex/markdown.js';
import { workerBrowser } from '../helpers/browser.js';
import { EXAMPLE } from '../helpers/fixtures.js';

const session = workerBrowser();

// The targets of a deck that presents like a briefing (issue 14), held on the example, measured.
describe('the example, condensed (the default), fitted in Chromium', () => {
  it('meets the briefing targets: slides, bullets, words per bullet, key judgements, closing, fill', async () => {
    const composed = await composeDeck(EXAMPLE, { browser: session });
    const { slides } = composed;
    const q = deckQuality(composed);
    expect(q.slides).toBeLessThanOrEqual(20);
    expect(q.keyJudgementsAt).toBe(2);
    expect(q.sparse).toEqual([]);
    for (const b of q.body) expect(b.bullets, b.id).toBeLessThanOrEqual(5);
    expect(q.wordsPerBullet.mean).toBeLessThanOrEqual(22);
    expect(q.wordsPerBullet.max).toBeLessThanOrEqual(35);
    expect(q.closingPoints).toBe(4);
    expect(q.overflowing).toBe(0);
    expect(q.wordsMissing).toBe(0);
    // Every body slide was measured, so fill and overflow are facts, not estimates.
    expect(q.body.every((b) => b.fill !== undefined)).toBe(true);
    const closing = slides.filter((s) => s.kind === 'closing');
    expect(closing).toHaveLength(1);
    const points = (closing[0].blocks[0].token as Tokens.List).items.map((i) => plainText(i));
    expect(points[0]).toMatch(/^For the time being, Russia will remain the most important security guarantor/);
  });

  it('in full mode too, nothing overflows and nothing is lost', async () => {
    const q = deckQuality(await composeDeck(EXAMPLE, { browser: session, mode: 'full' }));
    expect(q.overflowing).toBe(0);
    expect(q.wordsMissing).toBe(0);
  });
});
