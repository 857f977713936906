import { AGENDA_PER_SLIDE, ownNumber, sectionStarts } from '../split/furniture.js';
import type { BriefMeta, ImageMap, Slide } from '../types.js';
import { fill, type Labels } from '../i18n/labels.js';
import { renderInline } from './render-markdown.js';

export interface AgendaEntry {
  id: string;
  number: string;
  titleHtml: string;
  current: boolean;
}

/** A section's number on its divider and in the agenda; none when its heading has its own ("1. Background"). */
export function sectionNumber(slide: Pick<Slide, 'sectionIndex' | 'title'>): string {
  return ownNumber(slide.title) ? '' : String(slide.sectionIndex).padStart(2, '0');
}

/** One entry per section, for the agenda slide and, when there is one, each section slide. */
export function agendaEntries(slides: Slide[], images: ImageMap): AgendaEntry[] {
  if (!slides.some((s) => s.kind === 'agenda')) return [];
  return sectionStarts(slides).map((s) => ({ id: s.id, number: sectionNumber(s), titleHtml: renderInline(s.titleToken, s.title, images), current: false }));
}

/** Beside a section heading there is room for this many entries; a longer agenda shows those around the current one. */
export const SECTION_AGENDA_MAX = 9;

function around<T>(items: T[], index: number, max: number): T[] {
  if (items.length <= max) return items;
  const start = Math.min(Math.max(0, index - Math.floor(max / 2)), items.length - max);
  return items.slice(start, start + max);
}

/** The agenda as seen from `slide`: its own section highlighted on a section slide. */
export function agendaFor(slide: Slide, entries: AgendaEntry[]): AgendaEntry[] {
  if (slide.kind === 'agenda') return entries.slice((slide.part - 1) * AGENDA_PER_SLIDE, slide.part * AGENDA_PER_SLIDE);
  if (slide.kind !== 'section' || entries.length === 0) return [];
  // Only the entries shown are copied: marking all of them on every section slide was quadratic.
  return around(entries, indexOf(entries).get(slide.id) ?? -1, SECTION_AGENDA_MAX).map((e) => ({ ...e, current: e.id === slide.id }));
}

const indexes = new WeakMap<AgendaEntry[], Map<string, number>>();

/** Each entry's position by slide id, worked out once per deck's entries. */
function indexOf(entries: AgendaEntry[]): Map<string, number> {
  let index = indexes.get(entries);
  if (!index) indexes.set(entries, (index = new Map(entries.map((e, i) => [e.id, i]))));
  return index;
}

/** Root fields for the title slide, footer and banner; empty strings so strict templates can test them. */
export function furnitureView(meta: BriefMeta, labels: Labels, logo: string | undefined) {
  return {
    organisation: meta.organisation ?? '',
    logoSrc: logo ?? '',
    classification: meta.classification ?? '',
    briefVersion: meta.version ?? '',
    versionLabel: meta.version ? `${labels.version} ${meta.version}` : '',
    source: meta.source ?? '',
    contact: meta.contact ?? '',
  };
}

export function slideNumberLabel(labels: Labels, n: number, total: number): string {
  return fill(labels.slideOf, { n, total });
}
