import type { Slide } from '../types.js';

const RE_NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** A URL-safe id from a heading: stable across edits elsewhere in the brief. */
export function slug(text: string): string {
  const s = text.normalize('NFKC').toLowerCase().replace(RE_NOT_WORD, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return s || 'section';
}

/**
 * The id a slide's kind, title and part give it, before clashes are resolved. Ids of the slides a
 * brief does not write (agenda, closing, Sources) do not depend on its language, so a URL to them
 * stays the same in every translation.
 */
function baseId(slide: Slide): string {
  switch (slide.kind) {
    case 'title':
      return 'title';
    case 'summary':
    case 'agenda':
    case 'closing':
      return slide.part === 1 ? slide.kind : `${slide.kind}-p${slide.part}`;
    case 'sources':
      return `sources-p${slide.part}`;
    case 'section':
      return slide.generated ? 'sources' : slug(slide.title);
    case 'content':
      return slide.opens ? slug(slide.title) : `${slug(slide.title)}-p${slide.part}`;
    default: {
      const never: never = slide.kind;
      throw new Error(`unknown slide kind ${String(never)}`);
    }
  }
}

interface Taken {
  ids: Set<string>;
  /** Per base id, the suffix to try next: those below it are taken, and ids are never freed. */
  next: Map<string, number>;
}

/** `id`, or `id-2`, `id-3`…: the first not yet taken (in constant time for 50,000 sections named alike). */
function free(id: string, taken: Taken): string {
  let n = taken.next.get(id) ?? 2;
  let unique = n === 2 ? id : `${id}-${n}`;
  while (taken.ids.has(unique)) unique = `${id}-${n++}`;
  taken.next.set(id, n);
  taken.ids.add(unique);
  return unique;
}

/**
 * Every slide's id, made here alone: from its kind, title and part, unique in order of appearance
 * (a second "Context" section becomes `context-2`). The brief's own slides take their ids first,
 * and the generated ones (agenda, closing, Sources) yield to them, so a section keeps the id its
 * URL is known by even when it is called "Agenda" or "Sources".
 */
export function assignIds(slides: Slide[]): Slide[] {
  const taken: Taken = { ids: new Set(), next: new Map() };
  const own = new Map<Slide, string>();
  for (const slide of slides) if (!slide.generated) own.set(slide, free(baseId(slide), taken));
  return slides.map((slide) => ({ ...slide, id: own.get(slide) ?? free(baseId(slide), taken) }));
}

/** The URL fragment that points at the first slide of `kind`, if the deck has one. */
export function anchorOf(slides: Slide[], kind: Slide['kind']): string | undefined {
  const slide = slides.find((s) => s.kind === kind);
  return slide && `#${slide.id}`;
}
