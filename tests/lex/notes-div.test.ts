import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { lexMarkdown } from '../../src/lex/markdown.js';
import { readDirective } from '../../src/lex/lex-brief.js';
import { fixture } from '../helpers/fixtures.js';

describe('Quarto and Pandoc `::: notes` divs', () => {
  it('are a notes directive, `::: notes` and `::: {.notes}` alike, up to a line of colons', () => {
    const tokens = lexMarkdown('Text.\n\n::: notes\nSay *this*.\n\nAnd that.\n:::\n\nAfter.\n').filter((t) => t.type !== 'space');
    expect(tokens.map((t) => t.type)).toEqual(['paragraph', 'notesDiv', 'paragraph']);
    expect(readDirective(tokens[1])).toEqual({ kind: 'notes', text: 'Say *this*.\n\nAnd that.' });
    expect(readDirective(lexMarkdown('::: {.notes}\nN.\n::::\n')[0])).toEqual({ kind: 'notes', text: 'N.' });
  });

  it('end the paragraph they follow without a blank line; other divs stay text', () => {
    const tokens = lexMarkdown('Text.\n::: notes\nN.\n:::\n').filter((t) => t.type !== 'space');
    expect(tokens.map((t) => t.type)).toEqual(['paragraph', 'notesDiv']);
    expect(lexMarkdown('::: warning\nW.\n:::\n')[0].type).toBe('paragraph');
  });

  it('go to the speaker notes, never on the slide', async () => {
    const { deck, slides } = await composeDeck(fixture('printed/other-tools.md'), { fit: false });
    const html = deck.html.slice(deck.html.indexOf('<div class="slides">'), deck.html.indexOf('<script', deck.html.indexOf('<div class="slides">')));
    const onSlides = html.replace(/<aside class="notes"[\s\S]*?<\/aside>/g, '');
    expect(['Quarto notes', 'Pandoc notes', ':::', '<section'].map((s) => onSlides.includes(s))).toEqual([false, false, false, true]);
    const notes = slides.flatMap((s) => s.notes).join('\n');
    expect(notes).toContain('Quarto notes: the speaker says this aloud.');
    expect(notes).toContain('Pandoc notes: the figure comes from our own modelling.');
  });
});
