import { describe, expect, it } from 'vitest';
import { wordsMissingFromDeck } from '../helpers/lost-words.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { renderBlocks } from '../../src/render/render-markdown.js';
import { inlineSpans, keepSpansWhole } from '../../src/split/inline-spans.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';

describe('keepSpansWhole', () => {
  it('joins pieces whose cut falls inside a link, and only those', () => {
    const text = 'one [two three](https://x.org/a) four';
    const spans = inlineSpans(text, lexBrief(parseBrief(text, 'x.md', new Diagnostics())).blocks[0].token.tokens as never);
    expect(spans).toEqual([{ start: 4, end: 32 }]);
    expect(keepSpansWhole(['one ', '[two ', 'three](https://x.org/a) ', 'four'], spans)).toEqual(['one ', '[two three](https://x.org/a) ', 'four']);
  });
});

describe('a long paragraph split over slides', () => {
  it('never cuts through a link, inline HTML or code, so no word or URL leaks as text', () => {
    // Unspaced CJK text makes the splitter cut between characters: the case that broke links apart.
    const unit = '国家政策经济安全战略分析报告 [链接文字](https://example.org/%E5%9B%BD%E5%AE%B6) <span class="k">标记</span> `代码片段` ';
    const text = `---\ntitle: T\nbudget: 20\n---\n\n${unit.repeat(40)}\n`;
    const brief = parseBrief(text, 'x.md', new Diagnostics());
    const { blocks, links } = lexBrief(brief);
    const slides = toSlides(toSections(blocks, brief.meta), brief, links);
    expect(slides.length).toBeGreaterThan(5);
    const html = slides.map((s) => renderBlocks(s.blocks, new Map())).join('\n');
    expect(html).not.toMatch(/\]\(|%E5%9B%BD%E5%AE%B6\)|&lt;span|class=\\?"k\\?"&gt;|`/);
    const deck = { slides: slides.map((s) => ({ ...s, bodyHtml: renderBlocks(s.blocks, new Map()), notesHtml: '' })) } as never;
    expect(wordsMissingFromDeck(blocks, deck)).toEqual([]);
  });
});
