import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeDeck } from '../src/build/compose-deck.js';
import { Diagnostics } from '../src/diagnostics.js';
import { lexBrief } from '../src/lex/lex-brief.js';
import { parseBrief } from '../src/load/load-brief.js';
import { condense } from '../src/split/condense.js';
import { extractFootnotes } from '../src/split/footnotes.js';
import { wordsMissingFromSlides } from './helpers/lost-words.js';
import { toSections } from '../src/split/to-sections.js';
import { toSlides } from '../src/split/to-slides.js';
import type { Mode } from '../src/types.js';
import { workerBrowser } from './helpers/browser.js';
import { tempDir } from './helpers/fixtures.js';

interface Example {
  markdown: string;
  section: string;
  number: number;
}
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] };
// The spec writes tabs as →.
const source = (e: Example): string => e.markdown.replace(/→/g, '\t');

const session = workerBrowser();

describe('CommonMark spec examples', () => {
  for (const mode of ['full', 'condensed'] as Mode[]) {
    it(`all ${spec.tests.length} build into slides without losing a word (${mode})`, () => {
      const failures: string[] = [];
      for (const example of spec.tests) {
        const brief = parseBrief(`---\ntitle: Example ${example.number}\nmode: ${mode}\n---\n\n${source(example)}`, 'x.md', new Diagnostics());
        const { blocks, links } = lexBrief(brief);
        const body = extractFootnotes(blocks).blocks;
        const slides = toSlides(toSections(mode === 'condensed' ? condense(body, { lang: 'en', links }) : body, brief.meta), brief, links);
        const lost = wordsMissingFromSlides(blocks, brief.meta.title, slides);
        if (lost.length > 0) failures.push(`example ${example.number}: lost ${lost.join(' ')}`);
      }
      expect(failures).toEqual([]);
    });
  }

  // Measured in the browser, one brief per spec section; these sections hold the shapes most
  // likely to overflow or break layout (raw HTML, code, lists, tables of links).
  for (const section of ['HTML blocks', 'Fenced code blocks', 'List items', 'Link reference definitions']) {
    it(`"${section}" examples, all in one brief, fit with nothing lost`, async () => {
      const out = await tempDir();
      try {
        const examples = spec.tests.filter((e) => e.section === section);
        const body = examples.map((e) => `## Example ${e.number}\n\n${source(e)}\n\n<!-- break -->\n`).join('\n');
        const file = path.join(out.dir, 'examples.md');
        await writeFile(file, `---\ntitle: ${section}\n---\n\n${body}`);
        const { deck, slides, fit } = await composeDeck(file, { browser: session });
        expect(fit.verified).toBe(true);
        expect(fit.overflow).toBe(0);
        expect(wordsMissingFromSlides(lexBrief(deck.brief).blocks, section, slides)).toEqual([]);
      } finally {
        await out.remove();
      }
    });
  }
});
