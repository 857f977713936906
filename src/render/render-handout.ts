import { ASPECTS, type Paper, type Slide, type HandoutTemplates, type RenderInput } from '../types.js';
import { handoutGeometry, MARGINS, PAPER_SIZES, type HandoutLayout } from './handout-geometry.js';
import { labelsFor } from '../i18n/labels.js';
import { renderDeck, styleSafe } from './render-deck.js';
import { sectionStarts } from '../split/furniture.js';

export interface HandoutOptions {
  layout: HandoutLayout;
  paper: Paper;
}

/** A CSS string literal; escapes keep a title from closing the string or the `<style>` element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Paper, margins and the running footer: the short title and "n / N" in the page's margin boxes,
 * which Chromium prints as real text in the document's own font. The cover carries neither. A
 * protective marking is printed at the top and bottom of every page, the cover's too, as on the
 * slides: a page taken from the handout keeps it.
 */
export function handoutPageCss(paper: Paper, shortTitle: string, classification = ''): string {
  const size = PAPER_SIZES[paper];
  // Margin boxes do not inherit the document's custom properties: the font is named here.
  const font = `font-family: 'IBM Plex Sans', 'Noto Sans', Arial, sans-serif;`;
  const footer = `${font} font-size: 8pt; color: #4d5766; vertical-align: top; padding-top: 4mm;`;
  const mark = `${font} font-size: 9pt; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase; color: #1c2430;`;
  const marking = classification
    ? [
        `  @top-center { content: ${cssString(classification)}; ${mark} vertical-align: middle; }`,
        `  @bottom-center { content: ${cssString(classification)}; ${mark} vertical-align: top; padding-top: 4mm; }`,
      ]
    : [];
  return [
    `@page { size: ${size.css} portrait; margin: ${MARGINS.top}mm ${MARGINS.side}mm ${MARGINS.bottom}mm;`,
    ...marking,
    `  @bottom-left { content: ${cssString(shortTitle)}; ${footer} }`,
    // "n / N" reads left to right in every script; in an RTL page the bidi rules would turn it into "N / n".
    `  @bottom-right { content: counter(page) " / " counter(pages); ${footer} font-variant-numeric: tabular-nums; direction: ltr; unicode-bidi: isolate; } }`,
    `@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }`,
  ].join('\n');
}

/** Entries of the cover's contents: the summary and each section, linked to its slide. */
function contentsOf(slides: Slide[]): Array<{ id: string; title: string; number: number }> {
  const starts = new Set<Slide>(sectionStarts(slides));
  return slides.flatMap((s, i) => (starts.has(s) || (s.kind === 'summary' && s.part === 1) ? [{ id: s.id, title: s.title, number: i + 1 }] : []));
}

/**
 * The handout page: the deck's own slide partials, each laid out at the deck's size and scaled into
 * its cell (vector text, not screenshots), with the notes as flowing text beside or below.
 */
export function renderHandout(input: RenderInput, templates: HandoutTemplates, options: HandoutOptions): string {
  const { brief } = input;
  const size = ASPECTS[brief.meta.aspect];
  const geometry = handoutGeometry(options.paper, options.layout, size);
  const styleVars = [
    `--ho-thumb-w: ${geometry.thumbWidth}mm`,
    `--ho-thumb-h: ${geometry.thumbHeight}mm`,
    `--ho-scale: ${geometry.scale.toFixed(5)}`,
    `--ho-row-h: ${geometry.rowHeight}mm`,
    `--ho-deck-w: ${size.width}px`,
    `--ho-deck-h: ${size.height}px`,
  ].join('; ');
  const view = {
    handout: {
      layout: options.layout,
      paper: options.paper,
      styleVars,
      showNotes: options.layout !== '6',
      contents: contentsOf(input.slides),
      organisation: brief.meta.organisation ?? '',
      keywords: brief.meta.keywords.join(', '),
      labels: labelsFor(input.brief.meta.lang),
    },
    handoutCssHtml: styleSafe(templates.css),
    handoutPageCssHtml: handoutPageCss(options.paper, brief.meta.shortTitle, brief.meta.classification),
  };
  return renderDeck({ ...input, templates: templates.sources, stripNotes: false, view: { ...input.view, ...view } }).html;
}
