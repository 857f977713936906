import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import { measureDeck } from '../../src/fit/measure-page.js';
import { renderDeck } from '../../src/render/render-deck.js';
import { readManifest } from '../../src/cache/manifest.js';
import { testBrowser, workerBrowser } from '../helpers/browser.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';

const fresh = testBrowser();
const kept = testBrowser();
afterAll(async () => {
  await fresh.close();
  await kept.close();
});

const DECKS = [EXAMPLE, fixture('fit/long-report.md'), fixture('fit/japanese.md'), fixture('fit/arabic.md'), fixture('fit/wide-images.md'), fixture('footnotes.md'), fixture('long-table.md')];

describe('measuring slides', () => {
  // The kept page swaps new slides into a print view laid out for other slides: that must measure
  // exactly what a fresh page load of the same deck measures, or fit would decide on wrong numbers.
  for (const file of DECKS) {
    it(`${path.basename(file)}: slides swapped into the kept page measure exactly as a fresh page load`, async () => {
      const { deck, input } = await composeDeck(file, { fit: false });
      const loaded = await measureDeck(fresh, deck);
      // The kept page first holds one other slide of the deck, then the whole deck is swapped in.
      const last = deck.slides.length - 1;
      const one = renderDeck({ ...input, only: [last] });
      await measureDeck(kept, { ...one, slides: [one.slides[last]] });
      const pages = kept.stats.pagesOpened;
      const swapped = await measureDeck(kept, deck);
      expect(kept.stats.pagesOpened).toBe(pages);
      expect(swapped).toEqual(loaded);
      expect(loaded.some((m) => m.bodyHeight > 0)).toBe(true);
    });
  }
});

describe('fit remembers what it measured', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let brief: string;
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    brief = path.join(dir, 'brief.md');
    await copyFile(EXAMPLE, brief);
  });
  afterEach(() => remove());

  it('an unchanged brief is checked without starting a browser, from the measures kept in its folder', async () => {
    const out = path.join(dir, 'dist');
    const first = testBrowser();
    const built = await buildDeck(brief, { outDir: out, browser: first });
    await first.close();
    expect(first.stats.launches).toBe(1);
    const stored = (await readManifest(path.join(out, 'brief')))?.fit;
    expect(Object.keys(stored?.slides ?? {}).length).toBeGreaterThanOrEqual(built.deck.slides.length);

    const second = testBrowser();
    const again = await buildDeck(brief, { outDir: out, browser: second });
    await second.close();
    expect(again.skipped).toBe(true);
    expect(again.fit.verified).toBe(true);
    expect(second.stats.launches).toBe(0);
    expect(again.fit.laidOut).toBe(0);
  });

  it('an edit lays out only the slides it changed, and fits exactly as a build from scratch', async () => {
    const out = path.join(dir, 'dist');
    const session = testBrowser();
    try {
      await buildDeck(brief, { outDir: out, browser: session });
      const text = await readFile(brief, 'utf8');
      expect(text).toContain('multi-layered risks');
      await writeFile(brief, text.replace('multi-layered risks', 'multi-layered and mutually reinforcing risks'));
      const edited = await buildDeck(brief, { outDir: out, browser: session });
      const laidOut = edited.fit.laidOut;
      expect(edited.skipped).toBe(false);
      expect(laidOut).toBeGreaterThan(0);
      expect(laidOut).toBeLessThan(edited.deck.slides.length / 3);

      const fromScratch = await buildDeck(brief, { outDir: path.join(dir, 'scratch'), browser: workerBrowser() });
      expect(fromScratch.deck.html).toBe(edited.deck.html);
    } finally {
      await session.close();
    }
  });

  it('a deck packed by word budget alone is built again once a browser can measure it', async () => {
    const out = path.join(dir, 'dist');
    const estimated = await buildDeck(brief, { outDir: out });
    expect(estimated.fit.verified).toBe(false);
    const session = workerBrowser();
    const measured = await buildDeck(brief, { outDir: out, browser: session });
    expect(measured.skipped).toBe(false);
    expect(measured.fit.verified).toBe(true);
    expect((await buildDeck(brief, { outDir: out, browser: session })).skipped).toBe(true);
  });
});
