import type { Deck, ImageMap, RenderInput, RenderedSlide, Slide } from '../types.js';
import { ASPECTS } from '../types.js';
import { agendaEntries, agendaFor, furnitureView, sectionNumber, slideNumberLabel, type AgendaEntry } from './furniture-view.js';
import { compileDeck } from './handlebars.js';
import { isRtl, labelsFor, type Labels } from '../i18n/labels.js';
import { footnoteNotes, renderFootnotes } from './render-footnotes.js';
import { renderBlocks, renderInline, renderNotes } from './render-markdown.js';
import { deckLayoutKey, slideLayoutKey } from './layout-keys.js';
import { inlineScripts, scriptHash, speakerViewScripts, withPolicy } from './csp.js';


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
  return cachedSafe(scriptCache, js, (text) => text.replace(/<(\/script|!--)/gi, '\\x3C$1'));
}

/**
 * CSS is data in the page: `</style` (any case) in a theme would end its element and let markup
 * follow. `\3c ` is `<` in CSS strings and comments alike, the only places it means anything.
 */
export function styleSafe(css: string): string {
  return cachedSafe(styleCache, css, (text) => text.replace(/<\/style/gi, (m) => `\\3c ${m.slice(1)}`));
}

/**
 * reveal.js and its CSS are the same few hundred kilobytes in every deck of a run: each is escaped
 * once. Kept small, so a long watch session with changing themes does not grow it.
 */
function cachedSafe(cache: Map<string, string>, text: string, escape: (text: string) => string): string {
  let safe = cache.get(text);
  if (safe === undefined) {
    if (cache.size >= 8) cache.clear();
    cache.set(text, (safe = escape(text)));
  }
  return safe;
}

const scriptCache = new Map<string, string>();
const styleCache = new Map<string, string>();

/**
 * The hashes of the scripts the templates themselves write (reveal.js, its notes plugin, the start
 * of the deck, a custom template's own), and of the speaker view's. They are read from the page
 * drawn without slides and without CSS, the only parts a brief brings: a script that reaches the page
 * through either (a theme, a sanitizer gap) has no hash, and does not run.
 */
function ownScripts(template: (view: object) => string, view: Record<string, unknown>, assets: RenderInput['assets']): string[] {
  const bare = Object.fromEntries(Object.entries(view).map(([key, value]) => [key, key.endsWith('CssHtml') ? '' : value]));
  const scripts = inlineScripts(template({ ...bare, slides: [] }));
  // The speaker view is opened by the notes plugin: only a page that runs it (not the handout) needs its scripts.
  const speaker = scripts.includes(scriptSafe(assets.notesJs)) ? speakerViewScripts(assets.notesJs) : [];
  return [...scripts, ...speaker].map(scriptHash);
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
    // An assertion title states the slide's point; the section heading stays above it, small.
    titleHtml: slide.assertion ? renderInline(undefined, slide.assertion, images) : renderInline(slide.titleToken, slide.title, images),
    kickerHtml: slide.assertion ? renderInline(slide.titleToken, slide.title, images) : '',
    partLabel: slide.parts > 1 ? `${slide.part}/${slide.parts}` : '',
    sectionLabel: sectionNumber(slide),
    bodyHtml: renderBlocks(slide.blocks, images, trusted),
    bodyStyle: slide.scale && slide.scale < 1 ? `zoom: ${slide.scale.toFixed(3)}` : '',
    notesHtml: renderNotes([...slide.notes, ...footnoteNotes(slide)], images, trusted, slide.notesFootnotes),
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
  const template = compileDeck(input.templates);
  const view = {
    ...page,
    slides: input.stripNotes ? shown.map((s) => ({ ...s, notesHtml: '' })) : shown,
    resetCssHtml: styleSafe(assets.resetCss),
    revealCssHtml: styleSafe(assets.revealCss),
    fontsCssHtml: styleSafe(assets.fontsCss),
    themeCssHtml: styleSafe(assets.themeCss),
    revealJsHtml: scriptSafe(assets.revealJs),
    notesJsHtml: scriptSafe(assets.notesJs),
  };
  const html = withPolicy(template(view), input.allowHtml ? { trusted: true } : { hashes: ownScripts(template, view, assets) });
  const deckSlides: RenderedSlide[] = rendered.map((view) => {
    const { id, kind, title, part, parts, line, bodyHtml, notesHtml } = view;
    return { id, kind, title, part, parts, line, bodyHtml, notesHtml, layoutKey: slideLayoutKey(view) };
  });
  return { brief, slides: deckSlides, size, html, layoutKey: deckLayoutKey(input.templates, assets, page) };
}
