import { describe, expect, it } from 'vitest';
import { splitBlock, type SplitContext } from '../../src/split/split-block.js';
import { LAYOUTS } from '../../src/split/layout.js';
import { lexMarkdown, plainText, words } from '../../src/lex/markdown.js';
import { toBlocks } from '../../src/lex/lex-brief.js';

const ctx: SplitContext = { layout: LAYOUTS['16:9'], lang: 'en', links: {} };
const LIMIT = { words: 90, lines: 11 };

function block(html: string) {
  return toBlocks(lexMarkdown(html), 10)[0];
}

function wordsOf(blocks: ReturnType<typeof block>[]): string[] {
  return blocks.flatMap((b) => words(plainText(b.token)));
}

describe('splitting raw HTML', () => {
  it('splits a <table> by rows, its header row repeated and its caption on the first part, at the rows\' lines', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>Site ${i + 1}</td><td align="right">${i * 3}</td></tr>`);
    const source = `<table class="data">\n<caption>Sites</caption>\n<thead><tr><th>Site</th><th>TWh</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    const parts = splitBlock(block(source), LIMIT, ctx);
    expect(parts.length).toBeGreaterThan(2);
    parts.forEach((p, i) => {
      expect(p.token.type).toBe('html');
      expect(p.token.raw).toMatch(/^<table class="data">/);
      expect(p.token.raw).toContain('<thead><tr><th>Site</th><th>TWh</th></tr></thead>');
      expect(p.token.raw.includes('<caption>')).toBe(i === 0);
    });
    // Row n is on source line 3 + n (after <table>, <caption>, <thead>, <tbody>); the block starts at line 10.
    const first = Number(/<td>Site (\d+)/.exec(parts[1].token.raw.split('<tbody>')[1])![1]);
    expect(parts[1].line).toBe(10 + 3 + first);
    const kept = parts.flatMap((p) => Array.from(p.token.raw.matchAll(/<td>Site (\d+)<\/td>/g), (m) => Number(m[1])));
    expect(kept).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('takes a first row of <th> as the header when there is no <thead>', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>施設${i}</td><td>備考の説明</td></tr>`);
    const parts = splitBlock(block(`<table>\n<tr><th>施設</th><th>備考</th></tr>\n${rows.join('\n')}\n</table>`), LIMIT, { ...ctx, lang: 'ja' });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.token.raw).toContain('<thead><tr><th>施設</th><th>備考</th></tr></thead>');
  });

  it('splits a <div> between its children and a long <p> between sentences, wrapped in the same tags, every word kept', () => {
    const sentence = 'The storage sites were filled to capacity before the winter began.';
    const source = `<div class="memo">\n<p>${Array(12).fill(sentence).join(' ')}</p>\n<p>Short <em>one</em>.</p>\n<p>${Array(30).fill(sentence).join(' ')}</p>\n</div>`;
    const original = block(source);
    const parts = splitBlock(original, LIMIT, ctx);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.token.raw).toMatch(/^<div class="memo">(\n)?<p>[\s\S]*<\/p>(\n)?<\/div>\n$/);
    expect(wordsOf(parts)).toEqual(wordsOf([original]));
  });

  it('continues the numbers of an <ol> split over slides', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li>Item ${i + 1} of the storage plan, with a few more words to weigh.</li>`);
    const parts = splitBlock(block(`<ol start="3">\n${items.join('\n')}\n</ol>`), LIMIT, ctx);
    expect(parts.length).toBeGreaterThan(2);
    let next = 3;
    for (const p of parts) {
      expect(p.token.raw).toMatch(new RegExp(`^<ol start="${next}">`));
      next += (p.token.raw.match(/<li>/g) ?? []).length;
    }
    expect(next).toBe(33);
  });

  it('leaves what fits, comments and what has nothing to split alone', () => {
    const small = block('<div><p>Short.</p></div>');
    expect(splitBlock(small, LIMIT, ctx)).toEqual([small]);
    const huge = block(`<pre>${'x '.repeat(3000)}</pre>`);
    expect(splitBlock(huge, LIMIT, ctx)).toEqual([huge]);
  });
});
