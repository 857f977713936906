import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { labelsFor } from '../../src/i18n/labels.js';
import { addFurniture, isConclusionHeading } from '../../src/split/furniture.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';
import { plainText } from '../../src/lex/markdown.js';

function slidesOf(front: string, body: string) {
  const brief = parseBrief(`---\ntitle: T\n${front}---\n\nIntro.\n\n${body}`, 'x.md', new Diagnostics());
  const { blocks, links } = lexBrief(brief);
  const labels = labelsFor(brief.meta.lang);
  const sections = toSections(blocks, brief.meta);
  return addFurniture(toSlides(sections, brief, links, labels), sections, brief, links, labels);
}

const THREE = '## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n';
const kinds = (slides: ReturnType<typeof slidesOf>) => slides.map((s) => s.kind);

describe('agenda slide', () => {
  it('comes after the summary when there are three sections or more', () => {
    const slides = slidesOf('', THREE);
    expect(kinds(slides).slice(0, 4)).toEqual(['title', 'summary', 'agenda', 'section']);
    expect(slides[2]).toMatchObject({ id: 'agenda', title: 'Agenda' });
  });

  it('is left out for two sections, unless asked for; `agenda: false` removes it', () => {
    expect(kinds(slidesOf('', '## One\n\nA.\n\n## Two\n\nB.\n'))).not.toContain('agenda');
    expect(kinds(slidesOf('agenda: true\n', '## One\n\nA.\n\n## Two\n\nB.\n'))).toContain('agenda');
    expect(kinds(slidesOf('agenda: false\n', THREE))).not.toContain('agenda');
  });

  it('is titled in the brief language and yields its id to a section called Agenda', () => {
    const slides = slidesOf('lang: de\n', '## Agenda\n\nA.\n\n## Zwei\n\nB.\n\n## Drei\n\nC.\n');
    const agenda = slides.find((s) => s.kind === 'agenda');
    expect(agenda).toMatchObject({ title: 'Agenda', id: 'agenda-2' });
    expect(slides.find((s) => s.kind === 'section')?.id).toBe('agenda');
    expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
  });
});

describe('closing slide', () => {
  it('recalls the lead sentence of each point of a closing "Conclusion" list', () => {
    const slides = slidesOf('', `${THREE}\n## Conclusion\n\nSo:\n\n- First point. More detail here.\n- Second point! Detail.\n`);
    const closing = slides[slides.length - 1];
    expect(closing).toMatchObject({ kind: 'closing', title: 'Conclusion', id: 'closing' });
    expect(closing.blocks.map((b) => plainText(b.token))).toEqual(['First point. Second point!']);
  });

  it.each(['Fazit', 'Conclusions', '结论', 'الخلاصة', 'Выводы', '4. Key takeaways'])('recognises "%s" as a conclusion', (heading) => {
    expect(isConclusionHeading(heading)).toBe(true);
  });

  it('does not take a heading that only starts like one', () => {
    expect(isConclusionHeading('Outlooks differ')).toBe(false);
    expect(isConclusionHeading('Context')).toBe(false);
  });

  it('thanks and gives the contact when there is no conclusion list', () => {
    const slides = slidesOf('lang: fr\ncontact: desk@example.org\n', THREE);
    const closing = slides[slides.length - 1];
    expect(closing).toMatchObject({ kind: 'closing', title: 'Merci' });
    expect(plainText(closing.blocks[0].token)).toBe('Contact: desk@example.org');
  });

  it('uses `thanks` as its title, and is absent with nothing to say or with `closing: false`', () => {
    expect(slidesOf('thanks: Questions?\n', THREE).at(-1)).toMatchObject({ kind: 'closing', title: 'Questions?', blocks: [] });
    expect(kinds(slidesOf('', THREE))).not.toContain('closing');
    expect(kinds(slidesOf('closing: false\n', `${THREE}\n## Conclusion\n\n- A.\n`))).not.toContain('closing');
  });
});
