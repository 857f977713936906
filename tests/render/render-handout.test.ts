import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { loadHandout } from '../../src/load/load-handout.js';
import { cssString, handoutPageCss, renderHandout } from '../../src/render/render-handout.js';
import { fixture } from '../helpers/fixtures.js';

const composed = await composeDeck(fixture('handout-notes.md'), { stripNotes: true, mode: 'full', dividers: 'all' });
const templates = await loadHandout();

describe('--strip-notes', () => {
  it('leaves every aside.notes out of the HTML deck but keeps the notes for the PDFs', async () => {
    expect(composed.deck.html).not.toContain('<aside class="notes">');
    expect(composed.deck.html).not.toContain('Summary notes');
    expect(composed.deck.slides.filter((s) => s.notesHtml !== '').length).toBe(3);
    const full = await composeDeck(fixture('handout-notes.md'), { mode: 'full', dividers: 'all' });
    expect(full.deck.html.match(/<aside class="notes">/g)?.length).toBe(3);
  });
});

describe('renderHandout', () => {
  const html = renderHandout(composed.input, templates, { layout: 'notes', paper: 'a4' });

  it('embeds every slide once, as the deck\'s own markup, with its notes as text beside it', () => {
    for (const slide of composed.deck.slides) expect(html.split(`id="${slide.id}"`).length - 1).toBe(1);
    expect(html).toContain('<section id="findings-p1" class="bd-content"');
    expect(html.match(/class="bd-ho-notes"/g)?.length).toBe(3);
    expect(html).toContain('<strong>bold</strong>');
    // Inside the slide pictures the notes stay hidden, as on screen; they print once, as text.
    expect(html.split('Summary notes').length - 1).toBe(2);
  });

  it('carries the deck\'s Content-Security-Policy: no network; its CSS is escaped as in the deck', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toMatch(/^default-src 'none'; script-src 'none'; style-src 'unsafe-inline' data:; img-src data:; font-src data:;/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    const evil = renderHandout(composed.input, { ...templates, css: '.x{}</style><script>__pwned()</script>' }, { layout: 'notes', paper: 'a4' });
    expect(evil).toContain('.x{}\\3c /style><script>__pwned()');
  });

  it('has a cover from the front matter with linked contents', () => {
    expect(html).toContain('<span class="bd-ho-org">Institute for Testing</span>');
    expect(html).toContain('<span class="bd-ho-affiliation">Policy Planning</span>');
    expect(html).toContain('<a href="#findings"><span class="bd-ho-entry">Findings</span>');
    expect(html).toContain('handouts, notes, arms control');
    expect(html).toContain('@page { size: A4 portrait;');
  });

  it('marks the layout and sizes the pictures for it', () => {
    const six = renderHandout(composed.input, templates, { layout: '6', paper: 'letter' });
    expect(six).toContain('class="bd-handout bd-ho-layout-6"');
    expect(six).toContain('@page { size: letter portrait;');
    expect(six).not.toContain('class="bd-ho-notes"');
  });
});

describe('handoutPageCss', () => {
  it('quotes the short title so that it cannot end the CSS string or the style element', () => {
    expect(cssString('a "b" \\ </style>')).toBe('"a \\22 b\\22  \\5c  \\3c /style\\3e "');
    const css = handoutPageCss('a4', 'Risk "A"</style>');
    expect(css).not.toContain('</style>');
    expect(css).toContain('counter(page) " / " counter(pages)');
    expect(css).toContain('@page :first');
  });
});

describe('the handout speaks the brief\'s language', () => {
  it('labels its cover, contents and slides from the one label table', async () => {
    const german = await composeDeck(fixture('lang-de.md'), { fit: false });
    const html = renderHandout(german.input, templates, { layout: 'notes', paper: 'a4' });
    expect(html).toContain('<span>Handout</span>');
    expect(html).toMatch(/<h2 id="bd-ho-contents-heading">Inhalt<\/h2>/);
    expect(html).toContain('aria-label="Folie 1: ');
    expect(html).not.toMatch(/>Contents<|aria-label="Slide /);
  });
});
