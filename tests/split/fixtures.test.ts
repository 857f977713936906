import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { Diagnostics } from '../../src/diagnostics.js';
import { countWords, plainText } from '../../src/lex/markdown.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { wordsMissingFromSlides } from '../helpers/lost-words.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';
import path from 'node:path';
import { EXAMPLE, ROOT, fixture, fixtureNames } from '../helpers/fixtures.js';

async function model(file: string) {
  const text = await readFile(path.join(ROOT, file), 'utf8');
  // The word-budget splitter on the full text: full mode, unless a brief asks for its own.
  const brief = parseBrief(text, file, new Diagnostics(), /^mode:/m.test(text) ? {} : { mode: 'full' });
  const { blocks, links } = lexBrief(brief);
  return { brief, blocks, slides: toSlides(toSections(blocks, brief.meta), brief, links) };
}

// Relative names: snapshots are keyed by test name, and a clone lives at another path.
const files = [...(await fixtureNames()).map(fixture), EXAMPLE].map((f) => path.relative(ROOT, f));

describe.each(files)('split %s', (file) => {
  it('loses no word of the brief', async () => {
    const { brief, blocks, slides } = await model(file);
    // The title is checked through the blocks: a leading `# Title` is one of them.
    expect(wordsMissingFromSlides(blocks, '', slides)).toEqual([]);
  });

  it('keeps every slide within the word budget', async () => {
    const { brief, slides } = await model(file);
    for (const slide of slides) {
      const n = slide.blocks.reduce((sum, b) => sum + countWords(plainText(b.token)), 0);
      expect(n, `${slide.id} has ${n} words`).toBeLessThanOrEqual(brief.meta.budget);
    }
  });

  it('keeps source order and lines', async () => {
    const { slides } = await model(file);
    const lines = slides.flatMap((s) => s.blocks.map((b) => b.line));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(Math.min(...lines.concat([Infinity]))).toBeGreaterThan(0);
  });

  it('matches the slide model snapshot', async () => {
    const { slides } = await model(file);
    const summary = slides.map((s) => `${s.kind} ${s.id} ${s.part}/${s.parts} L${s.line} [${s.blocks.map((b) => b.token.type + (b.cont ? '+' : '')).join(',')}]${s.notes.length ? ` notes:${s.notes.length}` : ''}`);
    expect(summary).toMatchSnapshot();
  });
});
