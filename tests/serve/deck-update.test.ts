import { describe, expect, it } from 'vitest';
import { deckUpdate } from '../../src/serve/deck-update.js';

const page = (title: string, slides: string): string =>
  `<html><head><title>${title}</title></head><body><div class="reveal"><div class="slides">${slides}</div>\n</div>\n<script>Reveal.initialize()</script></body></html>`;

describe('deckUpdate', () => {
  it('sends only the slides when nothing else changed', () => {
    const slides = '<section id="a"><div class="bd-frame"><p>new</p></div></section>';
    expect(deckUpdate(page('T', '<section id="a"><div><p>old</p></div></section>'), page('T', slides), { b: 'a' })).toEqual({ type: 'slides', html: slides, moved: { b: 'a' } });
  });

  it('reloads when the page around the slides changed, or there was no page before', () => {
    expect(deckUpdate(page('T', '<section id="a"></section>'), page('U', '<section id="a"></section>'), {})).toEqual({ type: 'reload', moved: {} });
    expect(deckUpdate(undefined, page('T', ''), {}).type).toBe('reload');
  });

  it('reloads when the page is not laid out as the deck template lays it out', () => {
    expect(deckUpdate('<p>a</p>', '<p>b</p>', {}).type).toBe('reload');
  });
});
