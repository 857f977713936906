import type { Brief, Deck, RenderedSlide, Slide } from '../types.js';
import { ASPECTS } from '../types.js';
import type { DeckAssets } from '../load/load-assets.js';
import type { ImageMap } from '../load/load-images.js';
import type { TemplateSources } from '../load/load-templates.js';
import { compileDeck } from './handlebars.js';
import { renderBlocks, renderInline, renderNotes } from './render-markdown.js';

export interface RenderInput {
  brief: Brief;
  slides: Slide[];
  images: ImageMap;
  assets: DeckAssets;
  templates: TemplateSources;
  version: string;
  /** `--allow-html`: raw HTML in the brief is kept as written. */
  allowHtml?: boolean;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function formatDate(date: string | undefined, lang: string): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}

/**
 * Inline <script> text must not close its element early. `\x3C` means `<` alike in JS strings and
 * regular expressions (with or without the u flag), the only places these sequences occur.
 */
function scriptSafe(js: string): string {
  return js.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

function partialFor(slide: Slide): string {
  switch (slide.kind) {
    case 'title':
      return 'title';
    case 'section':
      return 'section';
    case 'summary':
      return 'summary';
    case 'content':
      return 'content';
    default: {
      const never: never = slide.kind;
      throw new Error(`unknown slide kind ${String(never)}`);
    }
  }
}

function renderSlide(slide: Slide, index: number, total: number, images: ImageMap, trusted = false): RenderedSlide & Record<string, unknown> {
  return {
    id: slide.id,
    kind: slide.kind,
    title: slide.title,
    part: slide.part,
    parts: slide.parts,
    line: slide.line,
    partial: partialFor(slide),
    classes: slide.kind === 'summary' ? 'bd-content bd-summary' : `bd-${slide.kind}`,
    number: index + 1,
    total,
    titleHtml: renderInline(slide.titleToken, slide.title, images),
    partLabel: slide.parts > 1 ? `${slide.part}/${slide.parts}` : '',
    sectionLabel: String(slide.sectionIndex).padStart(2, '0'),
    bodyHtml: renderBlocks(slide.blocks, images, trusted),
    notesHtml: renderNotes(slide.notes, images, trusted),
  };
}

/** All HTML is made here, from finished view-models; templates never see tokens. */
export function renderDeck(input: RenderInput): Deck {
  const { brief, slides, images, assets } = input;
  const meta = brief.meta;
  const size = ASPECTS[meta.aspect];
  const rendered = slides.map((s, i) => renderSlide(s, i, slides.length, images, input.allowHtml));
  const config = {
    width: size.width,
    height: size.height,
    margin: 0,
    minScale: 0.1,
    maxScale: 4,
    center: false,
    hash: true,
    respondToHashChanges: true,
    controls: true,
    progress: true,
    slideNumber: false,
    transition: 'fade',
    transitionSpeed: 'fast',
    backgroundTransition: 'none',
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    rtl: RTL.has(meta.lang.split('-')[0].toLowerCase()),
  };
  const html = compileDeck(input.templates)({
    version: input.version,
    lang: meta.lang,
    dir: config.rtl ? 'rtl' : 'ltr',
    title: meta.title,
    subtitle: meta.subtitle ?? '',
    shortTitle: meta.shortTitle,
    authors: meta.authors.map((a) => ({ name: a.name, affiliation: a.affiliation ?? '' })),
    authorNames: meta.authors.map((a) => a.name).join(', '),
    date: meta.date ?? '',
    dateLabel: formatDate(meta.date, meta.lang) ?? '',
    theme: meta.theme,
    aspectClass: meta.aspect.replace(':', 'x'),
    labels: { slide: 'Slide', continued: 'continued' },
    slides: rendered,
    resetCssHtml: assets.resetCss,
    revealCssHtml: assets.revealCss,
    fontsCssHtml: assets.fontsCss,
    themeCssHtml: assets.themeCss,
    revealJsHtml: scriptSafe(assets.revealJs),
    notesJsHtml: scriptSafe(assets.notesJs),
    configJsonHtml: JSON.stringify(config).replace(/</g, '\\u003c'),
  });
  const deckSlides: RenderedSlide[] = rendered.map(({ id, kind, title, part, parts, line, bodyHtml, notesHtml }) => ({ id, kind, title, part, parts, line, bodyHtml, notesHtml }));
  return { brief, slides: deckSlides, size, html };
}
