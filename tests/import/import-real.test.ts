import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { importDocx } from '../../src/import/import-docx.js';
import { importHtml } from '../../src/import/import-html.js';
import { decodeEntities, words } from '../../src/lex/markdown.js';
import type { Deck } from '../../src/types.js';
import { fixture } from '../helpers/fixtures.js';
import { deckWords, visibleText } from '../helpers/lost-words.js';

/** Words of the original that the deck shows fewer times than the original has them (case aside). */
function missing(original: string[], deck: Deck): string[] {
  const shown = new Map<string, number>();
  for (const w of deckWords(deck)) shown.set(w.toLowerCase(), (shown.get(w.toLowerCase()) ?? 0) + 1);
  return original.filter((w) => {
    const n = shown.get(w.toLowerCase()) ?? 0;
    shown.set(w.toLowerCase(), n - 1);
    return n <= 0;
  });
}

/** The text Word itself holds: every run of the body, the footnotes and the endnotes. */
function docxWords(file: string): string[] {
  const parts = unzipSync(readFileSync(file));
  const xml = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'].filter((p) => parts[p]).map((p) => strFromU8(parts[p]));
  return words(decodeEntities(xml.join(' ').replace(/<\/w:p>|<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '')));
}

describe('real Word documents (mammoth.js test data)', () => {
  const cases: [string, Record<string, number>][] = [
    ['mammoth-footnotes.docx', { footnote: 2 }],
    ['mammoth-endnotes.docx', { footnote: 2 }],
    ['mammoth-tables.docx', { table: 1 }],
  ];
  it.each(cases)('%s: every word on a slide or in its notes, notes and tables recognised', async (name, found) => {
    const file = fixture(`import/real/${name}`);
    expect((await importDocx(readFileSync(file), file, { images: 'data' })).found).toMatchObject(found);
    const { deck } = await composeDeck(file, { fit: false });
    expect(missing(docxWords(file), deck)).toEqual([]);
  });
});

describe('a real web page (Readability test page: an ACLU article)', () => {
  const file = fixture('import/real/aclu.html');
  it('keeps every word of the article, leaves the site out, finds the headings and quote', async () => {
    const { markdown, found } = importHtml(readFileSync(file, 'utf8'), file);
    expect(markdown).toMatch(/^---\ntitle: "Facebook Is Tracking Me Even Though I’m Not on Facebook"\nlang: en\n---\n/);
    expect(markdown).not.toMatch(/ACLU on Twitter|The ACLU RSS Feed/);
    expect(found).toMatchObject({ heading: 7, quote: 1 });
    const { deck } = await composeDeck(file, { fit: false });
    const article = words(visibleText(readFileSync(fixture('import/real/aclu.expected.html'), 'utf8')));
    expect(article.length).toBeGreaterThan(1800);
    expect(missing(article, deck)).toEqual([]);
  });
});
