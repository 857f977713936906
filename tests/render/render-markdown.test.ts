import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { fixture } from '../helpers/fixtures.js';

describe('footnote references in notes', () => {
  it('are numbered as on the slides, never shown by their label glued to the word', async () => {
    const { deck } = await composeDeck(fixture('printed/other-tools.md'), { fit: false, mode: 'full' });
    const findings = deck.slides.find((s) => s.kind === 'content' && s.title === 'Findings');
    expect(findings?.bodyHtml).toContain('own.<sup class="bd-fn-ref"><a href="#sources-p1">1</a></sup>');
    expect(findings?.notesHtml).toContain('modelling.<sup class="bd-fn-ref">1</sup> Say so.');
    expect(deck.slides.map((s) => s.notesHtml).join('')).not.toContain('>ng<');
  });

  it('are numbered in condensed mode, where the paragraph goes to the notes and only its lead to the slide', async () => {
    const { deck } = await composeDeck(fixture('printed/other-tools.md'), { fit: false, mode: 'condensed' });
    const notes = deck.slides.map((s) => s.notesHtml).join('\n');
    expect(deck.slides.map((s) => s.bodyHtml).join('')).not.toContain('our own');
    expect(notes).not.toContain('>ng<');
    expect(notes).toContain('It was built in-house, our own.<sup class="bd-fn-ref">1</sup>');
  });
});
