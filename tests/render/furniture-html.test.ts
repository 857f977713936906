import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { tempDir } from '../helpers/fixtures.js';

let root: string;
let remove: () => Promise<void>;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>';

async function deckOf(front: string) {
  const file = path.join(root, `b${Math.random().toString(36).slice(2)}.md`);
  await writeFile(file, `---\ntitle: Furniture\n${front}---\n\nSummary.\n\n## A\n\nText.\n`);
  const result = await composeDeck(file);
  // The slides only: the inlined theme CSS names every class too.
  return { ...result, slidesHtml: result.deck.html.slice(result.deck.html.indexOf('<div class="slides">')) };
}

beforeAll(async () => {
  ({ dir: root, remove } = await tempDir());
  await writeFile(path.join(root, 'logo.svg'), SVG);
  await writeFile(path.join(root, 'not-image.svg'), 'hello');
});
afterAll(() => remove());

describe('furniture in the deck', () => {
  it('puts organisation, logo, version, date and source on the title slide and the banner on every slide', async () => {
    const { deck, diagnostics, slidesHtml } = await deckOf('organisation: Org X\nlogo: logo.svg\nclassification: DRAFT\nversion: "2.1"\ndate: 2026-01-02\nsource: Field reports\n');
    expect(diagnostics.list).toEqual([]);
    const title = slidesHtml.slice(0, slidesHtml.indexOf('</section>'));
    expect(title).toContain('<span>Org X</span>');
    // Handlebars escapes the base64 padding `=` as `&#x3D;`, which the browser reads back as `=`.
    expect(title).toContain(`src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64').replace(/=/g, '&#x3D;')}"`);
    expect(title).toContain('January 2, 2026</time><span class="bd-title-version">Version 2.1</span>');
    expect(title).toMatch(/Source:<\/span> Field reports/);
    const sections = slidesHtml.split('<section ').slice(1);
    expect(sections).toHaveLength(deck.slides.length);
    for (const s of sections) expect(s).toContain('<div class="bd-classification bd-classification-top" role="note">DRAFT</div>');
    expect(deck.html).toContain('has-classification');
  });

  it('leaves every piece out when it is not given', async () => {
    const { slidesHtml } = await deckOf('');
    expect(slidesHtml).not.toMatch(/bd-classification|bd-logo|bd-title-version|bd-title-source|bd-footer-organisation/);
  });

  it('warns about a logo that is missing or not an image, and builds without it', async () => {
    const missing = await deckOf('logo: nope.png\n');
    expect(missing.diagnostics.list.map((d) => d.code)).toEqual(['logo-missing']);
    const bad = await deckOf('logo: not-image.svg\n');
    expect(bad.diagnostics.list.map((d) => d.code)).toEqual(['logo-not-image']);
    expect(bad.slidesHtml).not.toContain('bd-logo');
  });
});

describe('numbered headings', () => {
  it('are not numbered again on the agenda and section slides; unnumbered ones still are', async () => {
    const file = path.join(root, 'numbered.md');
    await writeFile(file, '---\ntitle: N\n---\n\nSummary.\n\n## 1. Background\n\nA.\n\n## 2) Options\n\nB.\n\n## IV. Costs\n\nC.\n\n## B. Risks\n\nD.\n\n## A new order\n\nE.\n');
    const { deck } = await composeDeck(file, { dividers: 'all' });
    const html = deck.html.slice(deck.html.indexOf('<div class="slides">'));
    const agenda = html.slice(html.indexOf('data-kind="agenda"'), html.indexOf('data-kind="section"'));
    const numbers = [...agenda.matchAll(/<li>.*?<\/li>/g)].map((m) => /bd-agenda-number">([^<]*)/.exec(m[0])?.[1] ?? '');
    expect(numbers).toEqual(['', '', '', '', '05']);
    const dividers = [...html.matchAll(/data-kind="section"[\s\S]*?<h2 class="bd-section-heading">([^<]*)/g)].map((m) => [/bd-section-number[^>]*>([^<]*)/.exec(m[0])?.[1] ?? '', m[1]]);
    expect(dividers).toEqual([['', '1. Background'], ['', '2) Options'], ['', 'IV. Costs'], ['', 'B. Risks'], ['05', 'A new order']]);
  });
});
