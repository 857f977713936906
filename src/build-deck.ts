import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Diagnostics } from './diagnostics.js';
import type { Deck, Section, Slide } from './types.js';
import type { BrowserSession } from './export/browser-session.js';
import { exportPdf } from './export/export-pdf.js';
import { fitDeck, type FitStats } from './fit-deck.js';
import { condense } from './split/condense.js';
import { attachFootnotes, extractFootnotes, sourcesSection } from './split/footnotes.js';
import { layoutFor } from './split/layout.js';
import { lexBrief } from './lex/lex-brief.js';
import { loadAssets } from './load/load-assets.js';
import { loadBrief } from './load/load-brief.js';
import { loadImages } from './load/load-images.js';
import { loadTemplates } from './load/load-templates.js';
import type { MetaOverrides } from './load/read-meta.js';
import { renderDeck } from './render/render-deck.js';
import { toSections } from './split/to-sections.js';
import { toSlides } from './split/to-slides.js';
import { VERSION } from './version.js';
import { stageOutputs } from './write/stage-outputs.js';

export interface BuildOptions extends MetaOverrides {
  /** Output root; each brief goes to `<outDir>/<name>/`. Default `dist`. */
  outDir?: string;
  /** Also print `<name>.pdf` (needs `browser`). */
  pdf?: boolean;
  browser?: BrowserSession;
  /** Measure the slides in `browser` and split again what overflows (default true). */
  fit?: boolean;
  /** Receives warnings; a new collector is used when none is given. */
  diagnostics?: Diagnostics;
}

export interface BuildResult {
  file: string;
  deck: Deck;
  slides: Slide[];
  outputs: string[];
  diagnostics: Diagnostics;
  fit: FitStats;
  ms: { build: number; pdf: number };
}

/** The pure middle of the pipeline plus its reads: a brief in, a rendered deck out, nothing written. */
export async function composeDeck(file: string, options: BuildOptions = {}): Promise<{ deck: Deck; slides: Slide[]; diagnostics: Diagnostics; fit: FitStats }> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const brief = await loadBrief(file, diagnostics, options);
  const { blocks, links } = lexBrief(brief);
  const [images, assets, templates] = await Promise.all([loadImages(blocks, brief, diagnostics), loadAssets(brief.meta.theme), loadTemplates()]);
  const { blocks: body, footnotes } = extractFootnotes(blocks);
  const render = (slides: Slide[]): Deck => renderDeck({ brief, slides, images, assets, templates, version: VERSION });
  const ctx = { layout: layoutFor(brief.meta.aspect), lang: brief.meta.lang, links };
  const session = options.fit === false ? undefined : options.browser;
  const sections = toSections(brief.meta.mode === 'condensed' ? condense(body, { lang: brief.meta.lang, links }) : body, brief.meta);
  const sources = sourcesSection(footnotes, sections.length);
  if (sources) sections.push(sources);
  const packSlides = (lineScale?: (section: Section) => number): Slide[] => attachFootnotes(toSlides(sections, brief, links, undefined, lineScale), footnotes);
  const fitted = await fitDeck(packSlides, render, session, { ctx, budget: brief.meta.budget, file, settle: (slides) => attachFootnotes(slides, footnotes) }, diagnostics);
  return { deck: fitted.deck, slides: fitted.slides, diagnostics, fit: fitted.stats };
}

/** The library API: builds one brief into `<outDir>/<name>/index.html` (and its PDF), atomically. */
export async function buildDeck(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { deck, slides, diagnostics, fit } = await composeDeck(file, options);
  const target = path.join(options.outDir ?? 'dist', deck.brief.name);
  const staging = await stageOutputs(target);
  let pdfMs = 0;
  try {
    const htmlPath = await staging.write('index.html', deck.html);
    const built = performance.now();
    if (options.pdf) {
      if (!options.browser) throw new Error('buildDeck: `pdf` needs a `browser` session');
      const pdfName = `${deck.brief.name}.pdf`;
      await exportPdf(options.browser, htmlPath, staging.pathOf(pdfName), deck, diagnostics);
      staging.add(pdfName);
      pdfMs = performance.now() - built;
    }
    const outputs = await staging.commit();
    return { file, deck, slides, outputs, diagnostics, fit, ms: { build: performance.now() - started - pdfMs, pdf: pdfMs } };
  } finally {
    await staging.discard();
  }
}
