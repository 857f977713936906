import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { plainText } from '../../src/lex/markdown.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { wordsMissingFromSlides } from '../helpers/lost-words.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tokens } from 'marked';

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

  it('keeps a list the author wrote as one list: prose items become their leads, nested lists and figures stay', async () => {
    const { slides } = await composeDeck(fixture('condensed.md'), { fit: false });
    const lists = slides.filter((s) => s.title === 'Lists').flatMap((s) => s.blocks.map((b) => [b.token.type, plainText(b.token).replace(/\s+/g, ' ').trim()]));
    expect(lists).toEqual([
      ['list', 'A list item of one sentence stays as it is A list item of prose keeps its lead. A nested item stays nested'],
      ['paragraph', 'A figure stays a figure'],
    ]);
    expect(slides.flatMap((s) => s.notes).join('\n')).toContain('A list item of prose keeps its lead. Its detail goes to the notes.');
  });

  it('is the default; `mode: full` or --mode full puts all the text on the slides', async () => {
    const example = await composeDeck(EXAMPLE, { fit: false });
    expect(example.deck.brief.meta.mode).toBe('condensed');
    const full = await composeDeck(fixture('condensed.md'), { fit: false, mode: 'full' });
    expect(full.deck.brief.meta.mode).toBe('full');
    expect(full.deck.brief.meta.budget).toBe(100);
    expect(full.slides.find((s) => s.kind === 'summary')?.blocks[0].token.type).toBe('paragraph');
  });

  it('loses no word of the example: what is not on a slide is in its notes', async () => {
    const { slides, deck } = await composeDeck(EXAMPLE, { fit: false });
    expect(wordsMissingFromSlides(lexBrief(deck.brief).blocks, deck.brief.meta.title, slides)).toEqual([]);
  });

  it('packs bullets evenly, three to five a slide: seven are four and three', async () => {
    const para = (n: number) => `Point ${n} is made in a sentence of moderate length here. It has detail.`;
    const { dir, remove } = await tempDir();
    try {
      const file = path.join(dir, 'seven.md');
      await writeFile(file, `---\ntitle: T\n---\n\n## Seven\n\n${[1, 2, 3, 4, 5, 6, 7].map(para).join('\n\n')}\n`);
      const { slides } = await composeDeck(file, { fit: false });
      expect(slides.filter((s) => s.title === 'Seven').map((s) => s.blocks.length)).toEqual([4, 3]);
      // An author's list of six short judgements stays one slide.
      await writeFile(file, `---\ntitle: T\n---\n\n## Six\n\n${[1, 2, 3, 4, 5, 6].map((n) => `- Judgement ${n}.`).join('\n')}\n`);
      const six = (await composeDeck(file, { fit: false })).slides.filter((s) => s.title === 'Six');
      expect(six.map((s) => (s.blocks[0].token as Tokens.List).items.length)).toEqual([6]);
    } finally {
      await remove();
    }
  });

  it('moves a summary under a heading of its own up front, as the key judgements', async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = path.join(dir, 'named.md');
      await writeFile(file, `---\ntitle: T\n---\n\n## Background\n\nSome history here.\n\n## Executive summary\n\nWe judge one thing. We judge another. And a third.\n\n## Options\n\nThere are two.\n`);
      const { slides } = await composeDeck(file, { fit: false });
      expect(slides.slice(0, 2).map((s) => [s.kind, s.title])).toEqual([['title', 'T'], ['summary', 'Executive summary']]);
      expect(plainText(slides[1].blocks[0].token).split(/(?<=\.)\s+/)).toEqual(['We judge one thing.', 'We judge another.', 'And a third.']);
      expect(slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['Background', 'Options']);
    } finally {
      await remove();
    }
  });
});

describe('a lead sentence that ends in a footnote reference', () => {
  it('ends there: the bullet is one sentence, its reference kept', async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = path.join(dir, 'fn.md');
      await writeFile(file, `---\ntitle: T\n---\n\n## Evidence\n\nThe survey found that only 9 % had installed one.[^survey] The most common reason given was cost.\n\n[^survey]: National Housing Survey 2025, table 7.\n`);
      const { slides } = await composeDeck(file, { fit: false });
      const evidence = slides.find((s) => s.title === 'Evidence' && s.kind === 'content');
      expect(evidence?.blocks.map((b) => b.token.raw.trim())).toEqual(['- The survey found that only 9 % had installed one.[^survey]']);
      expect(evidence?.footnotes?.map((f) => f.label)).toEqual(['survey']);
      expect(evidence?.notes.join(' ')).toContain('The most common reason given was cost.');
    } finally {
      await remove();
    }
  });
});
