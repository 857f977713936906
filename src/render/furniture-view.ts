import type { ImageMap } from '../load/load-images.js';
import type { BriefMeta, Slide } from '../types.js';
import { fill, type Labels } from './labels.js';
import { renderInline } from './render-markdown.js';

export interface AgendaEntry {
  id: string;
  number: string;
  titleHtml: string;
  current: boolean;
}

export function sectionNumber(index: number): string {
  return String(index).padStart(2, '0');
}

/** One entry per section, for the agenda slide and, when there is one, each section slide. */
export function agendaEntries(slides: Slide[], images: ImageMap): AgendaEntry[] {
  if (!slides.some((s) => s.kind === 'agenda')) return [];
  return slides
    .filter((s) => s.kind === 'section')
    .map((s) => ({ id: s.id, number: sectionNumber(s.sectionIndex), titleHtml: renderInline(s.titleToken, s.title, images), current: false }));
}

/** The agenda as seen from `slide`: its own section highlighted on a section slide. */
export function agendaFor(slide: Slide, entries: AgendaEntry[]): AgendaEntry[] {
  if (slide.kind !== 'section' && slide.kind !== 'agenda') return [];
  return entries.map((e) => ({ ...e, current: slide.kind === 'section' && e.id === slide.id }));
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
