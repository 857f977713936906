import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { countWords, plainText } from '../../src/lex/markdown.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { wordsMissingFromSlides } from '../helpers/lost-words.js';
import { EXAMPLE, fixture } from '../helpers/fixtures.js';

describe('condensed mode', () => {
  it('puts each paragraph\'s lead (or its gist) on the slide and the whole paragraph in the notes', async () => {
    const { slides } = await composeDeck(fixture('condensed.md'), { fit: false });
    const summary = slides.filter((s) => s.kind === 'summary');
    const bullets = summary.flatMap((s) => s.blocks.map((b) => [b.token.type, plainText(b.token).trim()]));
    expect(bullets).toEqual([
      ['list', 'The first sentence is the lead.'],
      ['list', "Short form in the author's words"],
      ['list', 'The second sentence is the real point.'],
    ]);
    const notes = summary.flatMap((s) => s.notes);
    expect(notes).toContain('The first sentence is the lead. The second sentence explains it. A third adds colour.');
    expect(notes).toContain('The opening sentence here is context. The second sentence is the real point. And a coda.');
  });

  it('keeps lists as lists: prose items are condensed, nested lists and figures stay', async () => {
    const { slides } = await composeDeck(fixture('condensed.md'), { fit: false });
    const lists = slides.filter((s) => s.title === 'Lists').flatMap((s) => s.blocks.map((b) => plainText(b.token).replace(/\s+/g, ' ').trim()));
    expect(lists).toEqual(['A list item of one sentence stays as it is', 'A list item of prose keeps its lead.', 'A nested item stays nested', 'A figure stays a figure']);
    expect(slides.flatMap((s) => s.notes)).toContain('A list item of prose keeps its lead. Its detail goes to the notes.');
  });

  it('--mode overrides the front matter, and the default stays full', async () => {
    const full = await composeDeck(fixture('condensed.md'), { fit: false, mode: 'full' });
    expect(full.deck.brief.meta.mode).toBe('full');
    expect(full.slides.find((s) => s.kind === 'summary')?.blocks[0].token.type).toBe('paragraph');
    const example = await composeDeck(EXAMPLE, { fit: false });
    expect(example.deck.brief.meta.mode).toBe('full');
    expect(example.deck.brief.meta.budget).toBe(100);
  });

  it('loses no word of the example and keeps each slide to 50 words', async () => {
    const { slides, deck } = await composeDeck(EXAMPLE, { fit: false, mode: 'condensed' });
    expect(deck.brief.meta.budget).toBe(50);
    expect(wordsMissingFromSlides(lexBrief(deck.brief).blocks, deck.brief.meta.title, slides)).toEqual([]);
    // The closing slide recalls the whole conclusion (tests/split/furniture.test.ts), not a budget's worth.
    for (const s of slides.filter((s) => s.kind !== 'closing')) expect(s.blocks.reduce((n, b) => n + countWords(plainText(b.token)), 0)).toBeLessThanOrEqual(50);
    expect(slides.some((s) => s.notes.length > 0)).toBe(true);
  });
});
