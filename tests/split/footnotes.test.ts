import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { checkBrief } from '../../src/build/check-brief.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { wordsMissingFromSlides } from '../helpers/lost-words.js';
import { readPdf } from '../helpers/pdf.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const session = workerBrowser();

describe('footnotes and sources', () => {
  it('keeps footnotes on the citing slide, lists them all on a Sources slide, and keeps links clickable in the PDF', async () => {
    const out = await tempDir();
    try {
      const result = await buildDeck(fixture('footnotes.md'), { outDir: out.dir, pdf: true, browser: session });
      const slides = result.deck.slides;
      const summary = slides.find((s) => s.kind === 'summary');
      expect(summary?.bodyHtml).toContain('<sup class="bd-fn-ref"><a href="#sources-p1">1</a></sup>');
      const html = result.deck.html;
      expect(html).toMatch(/<ol class="bd-footnotes"><li value="1">Ministry of Trade, <em>Annual report 2021<\/em>/);
      expect(html).toMatch(/<ol class="bd-footnotes"><li value="1">[^]*?<li value="2">Customs statistics/);
      const sources = slides.filter((s) => s.kind === 'sources');
      expect(sources.map((s) => s.id)).toEqual(['sources-p1']);
      expect(sources[0].bodyHtml).toMatch(/Ministry of Trade[^]*Customs statistics[^]*never cites/);
      expect(wordsMissingFromSlides(lexBrief(result.deck.brief).blocks, 'Sources matter', result.slides)).toEqual([]);
      const pdf = await readPdf(result.outputs.find((o) => o.endsWith('.pdf')) as string);
      expect(pdf.links.flat().filter((l) => l.url).map((l) => l.url)).toEqual(expect.arrayContaining(['https://example.org/annex', 'https://example.org/report']));
      // The reference marks link inside the PDF too, to the Sources page.
      expect(pdf.links.flat().some((l) => l.internal)).toBe(true);
    } finally {
      await out.remove();
    }
  });

  it('check reports a footnote cited but never defined, at its place', async () => {
    const result = await checkBrief(fixture('check/footnote-missing.md'), { fit: false });
    expect(result.diagnostics.map((d) => [d.code, d.at?.line, d.at?.column])).toEqual([['footnote-missing', 5, 21]]);
  });
});
