import { describe, expect, it } from 'vitest';
import { agendaFor, SECTION_AGENDA_MAX, type AgendaEntry } from '../../src/render/furniture-view.js';
import type { Slide } from '../../src/types.js';

const entries: AgendaEntry[] = Array.from({ length: 14 }, (_, i) => ({ id: `s${i + 1}`, number: String(i + 1), titleHtml: `S${i + 1}`, current: false }));
const slide = (kind: Slide['kind'], id: string): Slide => ({ id, kind, title: id, part: 1, parts: 1, blocks: [], notes: [], line: 1, sectionIndex: 1 });

describe('agendaFor', () => {
  it('marks the current section on a section slide and none on the agenda slide', () => {
    expect(agendaFor(slide('agenda', 'agenda'), entries.slice(0, 4)).filter((e) => e.current)).toEqual([]);
    expect(agendaFor(slide('section', 's2'), entries.slice(0, 4)).map((e) => e.current)).toEqual([false, true, false, false]);
    expect(agendaFor(slide('content', 's2-p1'), entries)).toEqual([]);
  });

  it('shows a window around the current section when the agenda is long', () => {
    const first = agendaFor(slide('section', 's1'), entries);
    const late = agendaFor(slide('section', 's13'), entries);
    expect(first).toHaveLength(SECTION_AGENDA_MAX);
    expect(first[0]).toMatchObject({ id: 's1', current: true });
    expect(late.map((e) => e.id)).toEqual(['s6', 's7', 's8', 's9', 's10', 's11', 's12', 's13', 's14']);
  });
});
