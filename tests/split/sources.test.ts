import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { fixture } from '../helpers/fixtures.js';

/** The footnote references of a slide's rendered body: their targets. */
function refTargets(html: string): string[] {
  return [...html.matchAll(/<sup class="bd-fn-ref"><a href="([^"]+)"/g)].map((m) => m[1]);
}

describe('the Sources slide briefdeck makes', () => {
  it('is of its own kind, beside an author\'s own "Sources" section, which keeps its footnotes', async () => {
    const { slides, deck } = await composeDeck(fixture('sources/own-sources.md'), { fit: false, mode: 'full', dividers: 'all' });
    const generated = slides.filter((s) => s.kind === 'sources');
    expect(generated).toHaveLength(1);
    const authors = slides.filter((s) => s.kind === 'content' && s.title === 'Sources');
    expect(authors).toHaveLength(1);
    // The author's section keeps its id and cites like any other section.
    expect(authors[0].id).toBe('sources-p1');
    expect(authors[0].footnotes?.map((f) => f.label)).toEqual(['stats']);
    // References point at the generated slide, whose id yields to the author's.
    expect(generated[0].id).not.toBe(authors[0].id);
    const bodies = deck.slides.filter((s) => s.kind === 'content' || s.kind === 'summary');
    const targets = new Set(bodies.flatMap((s) => refTargets(s.bodyHtml)));
    expect([...targets]).toEqual([`#${generated[0].id}`]);
    expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
  });

  it('is titled in the brief\'s language, with an id that does not depend on it', async () => {
    const { slides } = await composeDeck(fixture('sources/german.md'), { fit: false });
    const sources = slides.filter((s) => s.kind === 'sources');
    expect(sources.map((s) => [s.id, s.title])).toEqual([['sources-p1', 'Quellen']]);
    // One Sources slide needs no divider before it.
    expect(slides.some((s) => s.kind === 'section' && s.generated)).toBe(false);
  });
});
