import type { Deck, ImageMap, RenderInput, RenderedSlide, Slide } from '../types.js';
import { ASPECTS } from '../types.js';
import { agendaEntries, agendaFor, furnitureView, sectionNumber, slideNumberLabel, type AgendaEntry } from './furniture-view.js';
import { compileDeck } from './handlebars.js';
import { isRtl, labelsFor, type Labels } from '../i18n/labels.js';
import { footnoteNotes, renderFootnotes } from './render-footnotes.js';
import { renderBlocks, renderInline, renderNotes } from './render-markdown.js';
import { deckLayoutKey, slideLayoutKey } from './layout-keys.js';


// Building an Intl formatter costs more than formatting with it; a batch of briefs shares them.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: string | undefined, lang: string): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  try {
    let format = dateFormats.get(lang);
    if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
    return format.format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}

/**
 * Inline <script> text must not close its element early. `\x3C` means `<` alike in JS strings and
 * regular expressions (with or without the u flag), the only places these sequences occur.
 */
function scriptSafe(js: string): string {
  // reveal.js is the same few hundred kilobytes in every deck of a run: escape it once. Kept small,
  // so a long watch session with changing scripts does not grow it.
  let safe = scriptSafeCache.get(js);
  if (safe === undefined) {
    if (scriptSafeCache.size >= 8) scriptSafeCache.clear();
    scriptSafeCache.set(js, (safe = js.replace(/<(\/script|!--)/gi, '\\x3C$1')));
  }
  return safe;
}

const scriptSafeCache = new Map<string, string>();

function partialFor(slide: Slide): string {
  switch (slide.kind) {
    case 'title':
      return 'title';
    case 'section':
      return 'section';
    case 'summary':
      return 'summary';
    case 'content':
    case 'sources':
      return 'content';
    case 'agenda':
      return 'agenda';
    case 'closing':
      return 'closing';
    default: {
      const never: never = slide.kind;
      throw new Error(`unknown slide kind ${String(never)}`);
    }
  }
}

function renderSlide(slide: Slide, index: number, total: number, images: ImageMap, labels: Labels, agenda: AgendaEntry[], trusted = false): Omit<RenderedSlide, 'layoutKey'> & Record<string, unknown> {
  return {
    id: slide.id,
    kind: slide.kind,
    title: slide.title,
    part: slide.part,
    parts: slide.parts,
    line: slide.line,
    partial: partialFor(slide),
    classes: slide.kind === 'summary' || slide.kind === 'closing' || slide.kind === 'sources' ? `bd-content bd-${slide.kind}` : `bd-${slide.kind}`,
    number: index + 1,
    total,
    numberLabel: slideNumberLabel(labels, index + 1, total),
    agenda: agendaFor(slide, agenda),
    titleHtml: renderInline(slide.titleToken, slide.title, images),
    partLabel: slide.parts > 1 ? `${slide.part}/${slide.parts}` : '',
    sectionLabel: sectionNumber(slide.sectionIndex),
    bodyHtml: renderBlocks(slide.blocks, images, trusted),
    bodyStyle: slide.scale && slide.scale < 1 ? `zoom: ${slide.scale.toFixed(3)}` : '',
    notesHtml: renderNotes([...slide.notes, ...footnoteNotes(slide)], images, trusted),
    footnotesHtml: renderFootnotes(slide, images),
  };
}

/** All HTML is made here, from finished view-models; templates never see tokens. */
export function renderDeck(input: RenderInput): Deck {
  const { brief, slides, images, assets } = input;
  const meta = brief.meta;
  const size = ASPECTS[meta.aspect];
  const labels = labelsFor(meta.lang);
  const agenda = agendaEntries(slides, images);
  const rendered = slides.map((s, i) => renderSlide(s, i, slides.length, images, labels, agenda, input.allowHtml));
  const shown = input.only ? input.only.map((i) => rendered[i]) : rendered;
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
    rtl: isRtl(meta.lang),
  };
  // Everything on the page but the slides and the bundled files (hashed once each, by object).
  const page = {
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
    themeName: /\.css$/i.test(meta.theme) ? 'custom' : meta.theme,
    aspectClass: meta.aspect.replace(':', 'x'),
    labels,
    ...furnitureView(meta, labels, input.logo),
    classificationClass: meta.classification ? ' has-classification' : '',
    longAgenda: agenda.length > 8,
    configJsonHtml: JSON.stringify(config).replace(/</g, '\\u003c'),
    ...input.view,
  };
  const html = compileDeck(input.templates)({
    ...page,
    slides: input.stripNotes ? shown.map((s) => ({ ...s, notesHtml: '' })) : shown,
    resetCssHtml: assets.resetCss,
    revealCssHtml: assets.revealCss,
    fontsCssHtml: assets.fontsCss,
    themeCssHtml: assets.themeCss,
    revealJsHtml: scriptSafe(assets.revealJs),
    notesJsHtml: scriptSafe(assets.notesJs),
  });
  const deckSlides: RenderedSlide[] = rendered.map((view) => {
    const { id, kind, title, part, parts, line, bodyHtml, notesHtml } = view;
    return { id, kind, title, part, parts, line, bodyHtml, notesHtml, layoutKey: slideLayoutKey(view) };
  });
  return { brief, slides: deckSlides, size, html, layoutKey: deckLayoutKey(input.templates, assets, page) };
}
