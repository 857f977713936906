import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';

describe('lexBrief', () => {
  it('gives every block its line in the file, after the front matter', () => {
    const text = '---\ntitle: T\n---\n\nFirst paragraph\nspans two lines.\n\n## Heading\n\n- a\n- b\n\n<!-- break -->\n<!-- notes: Say it slowly. -->\n\n---\n\n```js\ncode\n```\n';
    const { blocks } = lexBrief(parseBrief(text, 'x.md', new Diagnostics()));
    expect(blocks.map((b) => [b.token.type, b.line, b.directive?.kind ?? ''])).toEqual([
      ['paragraph', 5, ''],
      ['heading', 8, ''],
      ['list', 10, ''],
      ['html', 13, 'break'],
      ['html', 14, 'notes'],
      ['hr', 16, 'break'],
      ['code', 18, ''],
    ]);
    expect(blocks[4].directive).toEqual({ kind: 'notes', text: 'Say it slowly.' });
  });

  it('leaves other HTML comments alone', () => {
    const { blocks } = lexBrief(parseBrief('Text\n\n<!-- an ordinary comment -->\n', 'x.md', new Diagnostics()));
    expect(blocks[1].directive).toBeUndefined();
  });
});
