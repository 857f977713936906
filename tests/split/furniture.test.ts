import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { labelsFor } from '../../src/i18n/labels.js';
import { addFurniture, isConclusionHeading, ownNumber } from '../../src/split/furniture.js';
import { toSections } from '../../src/split/to-sections.js';
import { toSlides } from '../../src/split/to-slides.js';
import { plainText } from '../../src/lex/markdown.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import type { Tokens } from 'marked';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXAMPLE, tempDir } from '../helpers/fixtures.js';

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
    // Sections of one slide each need no divider (dividers: auto): the agenda leads to their first slides.
    expect(kinds(slides).slice(0, 4)).toEqual(['title', 'summary', 'agenda', 'content']);
    expect(slides[2]).toMatchObject({ id: 'agenda', title: 'Agenda' });
    expect(kinds(slidesOf('dividers: all\n', THREE)).slice(0, 4)).toEqual(['title', 'summary', 'agenda', 'section']);
  });

  it('is left out for two sections, unless asked for; `agenda: false` removes it', () => {
    expect(kinds(slidesOf('', '## One\n\nA.\n\n## Two\n\nB.\n'))).not.toContain('agenda');
    expect(kinds(slidesOf('agenda: true\n', '## One\n\nA.\n\n## Two\n\nB.\n'))).toContain('agenda');
    expect(kinds(slidesOf('agenda: false\n', THREE))).not.toContain('agenda');
  });

  it('is titled in the brief language and yields its id to a section called Agenda', () => {
    const slides = slidesOf('lang: de\ndividers: all\n', '## Agenda\n\nA.\n\n## Zwei\n\nB.\n\n## Drei\n\nC.\n');
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

  it.each(['Fazit', 'Conclusions', '结论', 'الخلاصة', 'Выводы', '4. Key takeaways', '4. Recommendation'])('recognises "%s" as a conclusion', (heading) => {
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

const ACT = 'Act now on the northern border, before the winter closes the passes and the supply routes that the garrisons depend on.';
const FUND = 'Fund the regional programme for three more years, so that the training already given is not lost when the advisers leave.';
const REVIEW = 'Review the whole approach in May, with the partners, against the measures of progress that were agreed at the start.';

describe('closing slide, whole and never a repeat', () => {
  it('recalls every point of the example\'s four-point conclusion in condensed mode, on one slide', async () => {
    const { slides } = await composeDeck(EXAMPLE, { fit: false, mode: 'condensed' });
    const closing = slides.filter((s) => s.kind === 'closing');
    expect(closing).toHaveLength(1);
    const items = closing[0].blocks.flatMap((b) => (b.token.type === 'list' ? (b.token as Tokens.List).items : []));
    expect(items.map((i) => plainText(i).trim().split(' ').slice(0, 4).join(' '))).toEqual([
      'For the time being,', 'Beijing and Moscow will', 'Because China has so', 'Fundamentally different approaches to',
    ]);
    // Shown there, and only there: the Conclusion's own slides hold its paragraphs' bullets, not the list.
    const conclusion = slides.filter((s) => s.kind === 'content' && s.title === 'Conclusion');
    expect(conclusion.flatMap((s) => s.blocks.map((b) => plainText(b.token)))).toEqual([
      'Beijing and Moscow have so far been aligning their statements and positions on the situation in Afghanistan.',
      'On a global level, Russia and China are benefiting from the weakening that the West has been experiencing since the withdrawal from Afghanistan.',
    ]);
    expect(closing[0].notes.join('\n')).toContain('Even if it had the political will, Russia lacks the economic strength');
  });

  it('lists every recommendation in condensed mode, not the last one alone, and not twice', async () => {
    const { dir, remove } = await tempDir();
    const file = path.join(dir, 'recs.md');
    await writeFile(file, `---\ntitle: T\nmode: condensed\n---\n\nIntro.\n\n${THREE}\n## Recommendations\n\n1. ${ACT} Detail.\n2. ${FUND} Detail.\n3. ${REVIEW} Detail.\n`);
    const { slides } = await composeDeck(file, { fit: false });
    // A section that is only its list shows it whole; a closing slide would repeat it word for word.
    expect(slides.filter((s) => s.kind === 'closing')).toEqual([]);
    const recs = slides.filter((s) => s.title === 'Recommendations' && s.kind === 'content');
    expect(recs.map((s) => plainText(s.blocks[0].token))).toEqual([`${ACT} ${FUND} ${REVIEW}`]);
    expect((recs[0].blocks[0].token as Tokens.List).start).toBe(1);
    await remove();
  });

  it('is left out (or only thanks) when the slide before already shows each point word for word', () => {
    const body = `${THREE}\n## Recommendations\n\n- Act now.\n- Fund it.\n`;
    expect(kinds(slidesOf('', body))).not.toContain('closing');
    const thanks = slidesOf('contact: desk@example.org\n', body).at(-1);
    expect(thanks).toMatchObject({ kind: 'closing', title: 'Thank you' });
  });
});

describe('ownNumber', () => {
  it.each([['1. Background', '1.'], ['2) Options', '2)'], ['2.3 Scope', '2.3'], ['IV. Costs', 'IV.'], ['B) Risks', 'B)']])('finds the author\'s number in "%s"', (heading, number) => {
    expect(ownNumber(heading)).toBe(number);
  });

  it.each(['2026 outlook', 'I think so', 'A new order', 'Background', '1.Background'])('finds none in "%s"', (heading) => {
    expect(ownNumber(heading)).toBeUndefined();
  });
});
