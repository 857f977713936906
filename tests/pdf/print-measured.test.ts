import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { exportPdf } from '../../src/pdf/export-pdf.js';
import { testBrowser } from '../helpers/browser.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';
import { readPdfStructure } from '../helpers/pdf-structure.js';

// A cold `--pdf` build prints in the page fit measured in, with the final slides swapped in: that
// page must print what a page that loads the finished deck prints.
const DECKS = [EXAMPLE, fixture('footnotes.md'), fixture('long-table.md'), fixture('fit/japanese.md'), fixture('fit/wide-images.md')];

let dir: string;
let remove: () => Promise<void>;
/** Prints each deck from its HTML file: a session that measured nothing, shared by the decks. */
const fresh = testBrowser();
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(async () => {
  await fresh.close();
  await remove();
});

/** What a reader of the PDF gets: pages, their size and text, bookmarks, links, fonts, tags, metadata. */
async function readBack(file: string) {
  const { pages, sizes, text, info } = await readPdf(file);
  const { tagged, hasStructTree, lang, fonts, links, outline } = await readPdfStructure(file);
  return { pages, sizes, text, title: info.Title, tagged, hasStructTree, lang, fonts: fonts.map((f) => `${f.name.replace(/^[A-Z]{6}\+/, '')} ${f.embedded}`).sort(), links, outline };
}

describe('a cold --pdf build', () => {
  for (const file of DECKS) {
    it(`${path.basename(file)}: loads the deck once, measured and printed in one page, and prints what a fresh load of it prints`, async () => {
      const out = path.join(dir, path.basename(file, '.md'));
      const cold = testBrowser();
      let built;
      try {
        built = await buildDeck(file, { outDir: out, browser: cold, pdf: true, force: true });
      } finally {
        await cold.close();
      }
      expect(built.fit.verified).toBe(true);
      expect(built.fit.rounds).toBeGreaterThan(0);
      expect(cold.stats).toMatchObject({ launches: 1, pagesOpened: 1, loads: 1 });

      // The same deck printed by a session that measured nothing: loaded for real to print.
      const htmlPath = path.join(out, 'loaded.html');
      const loadedPdf = path.join(out, 'loaded.pdf');
      const loads = fresh.stats.loads;
      await writeFile(htmlPath, built.deck.html);
      await exportPdf(fresh, htmlPath, loadedPdf, built.deck, new Diagnostics());
      expect(fresh.stats.loads - loads).toBe(1);
      const printed = await readBack(path.join(out, built.deck.brief.name, `${built.deck.brief.name}.pdf`));
      expect(printed.pages).toBe(built.deck.slides.length);
      expect(printed.tagged && printed.hasStructTree).toBe(true);
      expect(printed).toEqual(await readBack(loadedPdf));
    });
  }
});
