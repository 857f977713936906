import { describe, expect, it } from 'vitest';
import { lexMarkdown } from '../../src/lex/markdown.js';
import { layoutFor } from '../../src/split/layout.js';
import { splitBlock } from '../../src/split/split-block.js';

describe('splitBlock', () => {
  // The long first item is cut into continued pieces, written with `-`; the last of them is packed
  // with the `*` items after it, and `- …\n* …` lexes as two lists: both must survive the re-lex.
  it('keeps every block a re-lexed piece holds, each at its own line', () => {
    const long = Array.from({ length: 52 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const tokens = lexMarkdown(`* ${long}\n* second item words\n* third item words\n`);
    const ctx = { layout: layoutFor('16:9'), lang: 'en', links: tokens.links };
    const pieces = splitBlock({ token: tokens[0], line: 10 }, { words: 80, lines: 10 }, ctx);
    expect(pieces.map((p) => [p.token.type, p.line, p.cont ?? false, p.token.raw.trim().slice(0, 22)])).toEqual([
      ['list', 10, false, '- Sentence number 0 is'],
      ['list', 10, true, '- Sentence number 13 i'],
      ['list', 10, true, '- Sentence number 26 i'],
      ['list', 10, true, '- Sentence number 39 i'],
      ['list', 11, false, '* second item words\n* '],
    ]);
    expect(pieces.at(-1)!.token.raw).toBe('* second item words\n* third item words');
  });
});
