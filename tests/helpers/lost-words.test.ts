import { describe, expect, it } from 'vitest';
import { sourceWords, visibleText, wordsMissingFromDeck, wordsMissingFromSlides } from './lost-words.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import type { Deck, RenderedSlide } from '../../src/types.js';

const TEXT = '---\ntitle: T\n---\n\nAlpha beta &amp; gamma.\n\n<script>hidden()</script>\n\n<!-- notes: said aloud -->\n\n## Head\n\nDelta ![chart of exports](x.png) ลอดหดตฟ.\n';

function blocks() {
  return lexBrief(parseBrief(TEXT, 'x.md', new Diagnostics())).blocks;
}

function deckOf(...slides: Array<Partial<RenderedSlide>>): Deck {
  const full = slides.map((s, i) => ({ id: `s${i}`, kind: 'content', title: '', part: 1, parts: 1, line: 1, bodyHtml: '', notesHtml: '', ...s }) as RenderedSlide);
  return { slides: full } as Deck;
}

describe('wordsMissingFromDeck', () => {
  it('counts what a reader sees: text, alt text and notes, not script or tags', () => {
    expect(sourceWords(blocks())).toEqual(['Alpha', 'beta', 'gamma', 'said', 'aloud', 'Head', 'Delta', 'chart', 'of', 'exports', 'ลอดหดตฟ']);
    expect(visibleText('<p>a &lt;b&gt;</p><img alt="c d"><script>e</script>').replace(/\s+/g, ' ')).toBe(' a <b> c d');
  });

  it('finds nothing lost when every word is shown, split or not', () => {
    const deck = deckOf(
      { title: 'Head', bodyHtml: '<p>Alpha beta &amp; gamma.</p>', notesHtml: '<p>said aloud</p>' },
      { title: 'Head', bodyHtml: '<p>Delta <img src="data:x" alt="chart of exports"> ลอด</p>' },
      { title: 'Head', bodyHtml: '<p>หดตฟ.</p>' },
    );
    expect(wordsMissingFromDeck(blocks(), deck)).toEqual([]);
  });

  it('names each word the deck drops, as often as it drops it', () => {
    const deck = deckOf({ title: 'Head', bodyHtml: '<p>Alpha gamma.</p><p>Delta</p>', notesHtml: '<p>said</p>' });
    expect(wordsMissingFromDeck(blocks(), deck)).toEqual(['beta', 'aloud', 'chart', 'of', 'exports', 'ล', 'อ', 'ด', 'ด', 'ห', 'ต', 'ฟ']);
  });
});

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
