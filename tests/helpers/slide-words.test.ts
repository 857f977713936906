import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { wordsMissingFromSlides } from './slide-words.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';

function setup(text: string) {
  const brief = parseBrief(text, 'x.md', new Diagnostics());
  const { blocks, links } = lexBrief(brief);
  return { blocks, slides: toSlides(toSections(blocks, brief.meta), brief, links), title: brief.meta.title };
}

describe('wordsMissingFromSlides', () => {
  const text = '---\ntitle: T\n---\n\nKept words.\n\n## Part\n\nAlpha beta gamma.\n\nAlpha again.\n\n<!-- notes: spoken only -->\n';

  it('finds nothing lost when every block is on a slide', () => {
    const { blocks, slides, title } = setup(text);
    expect(wordsMissingFromSlides(blocks, title, slides)).toEqual([]);
  });

  it('names the words of a dropped block, counting repeats', () => {
    const { blocks, slides, title } = setup(text);
    const cut = slides.map((s) => ({ ...s, blocks: s.blocks.filter((b) => !b.token.raw.startsWith('Alpha again')) }));
    expect(wordsMissingFromSlides(blocks, title, cut)).toEqual(['alpha', 'again']);
  });

  it('counts notes as kept, and their loss as lost', () => {
    const { blocks, slides, title } = setup(text);
    expect(wordsMissingFromSlides(blocks, title, slides.map((s) => ({ ...s, notes: [] })))).toEqual(['spoken', 'only']);
  });
});
