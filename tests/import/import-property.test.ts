import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { visibleText } from '../helpers/lost-words.js';
import { tempDir } from '../helpers/fixtures.js';

const RUNS = Number(process.env.BRIEFDECK_PROPERTY_RUNS ?? 150);

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(() => remove());

// Words, and what Markdown would read as syntax if the importer did not escape it.
const word = fc.constantFrom('policy', 'Moscow', 'Beijing', 'aid', 'the', 'of', 'and', 'Ελλάδα', 'Россия', 'a*b*', '_x_', '`code`', '[link](u)', '<b>bold</b>', '&amp;', 'x~y~', 'ISIS(-K)', '<!--', '-->', '|', '\\', '#tag', '2026', '–', '—');
const line = fc.tuple(
  fc.constantFrom('', '  ', '    ', '\t', '          ', '• ', '- ', '* ', '# ', '> ', '1. '),
  fc.array(word, { minLength: 1, maxLength: 12 }),
  fc.constantFrom('', '.', '?', ':', ','),
).map(([indent, words, end]) => `${indent}${words.join(' ')}${end}`);
const text = fc.array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '-----') }), { minLength: 1, maxLength: 40 }).map((lines) => `${lines.join('\n')}\n`);

/** The words a reader would look for: letters and digits, the punctuation around them left off. */
function words(t: string): string[] {
  return t.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

let serial = 0;

describe('generated plain text (property)', () => {
  it(`imports and builds with every word of the text on a slide (${RUNS} texts)`, async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        fc.pre(words(t).length > 0);
        const folder = path.join(dir, String(serial++));
        await mkdir(folder);
        const file = path.join(folder, 'generated.txt');
        await writeFile(file, t);
        const { deck } = await composeDeck(file, { fit: false });
        const shown = new Map<string, number>();
        for (const w of words(deck.slides.map((s) => `${s.title} ${visibleText(s.bodyHtml)} ${visibleText(s.notesHtml)}`).join(' '))) shown.set(w, (shown.get(w) ?? 0) + 1);
        const missing = words(t).filter((w) => {
          const n = shown.get(w) ?? 0;
          shown.set(w, n - 1);
          return n <= 0;
        });
        // Numbers that are list markers (1.) are drawn by the list, not written.
        expect(missing.filter((w) => w !== '1')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
