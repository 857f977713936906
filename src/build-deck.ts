import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Diagnostics } from './diagnostics.js';
import type { Deck, Slide } from './types.js';
import type { BrowserSession } from './export/browser-session.js';
import { exportPdf } from './export/export-pdf.js';
import { lexBrief } from './lex/lex-brief.js';
import { loadAssets } from './load/load-assets.js';
import { loadBrief } from './load/load-brief.js';
import { loadImages } from './load/load-images.js';
import { loadTemplates } from './load/load-templates.js';
import { loadConfig } from './load/load-config.js';
import { loadLogo } from './load/load-logo.js';
import { loadScriptFonts } from './load/load-script-fonts.js';
import { labelsFor } from './render/labels.js';
import { addFurniture } from './split/furniture.js';
import { deckText } from './render/deck-text.js';
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
  /** `--config FILE`; else the nearest briefdeck.config.{json,yaml,yml} above the brief. */
  config?: string;
  /** `--templates DIR`: partials here win over the built-ins (over `templates:` in the config). */
  templates?: string;
  /** Receives warnings; a new collector is used when none is given. */
  diagnostics?: Diagnostics;
}

export interface BuildResult {
  file: string;
  deck: Deck;
  slides: Slide[];
  outputs: string[];
  diagnostics: Diagnostics;
  ms: { build: number; pdf: number };
}

/** The pure middle of the pipeline plus its reads: a brief in, a rendered deck out, nothing written. */
export async function composeDeck(file: string, options: BuildOptions = {}): Promise<{ deck: Deck; slides: Slide[]; diagnostics: Diagnostics }> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const config = await loadConfig(file, diagnostics, options.config);
  const brief = await loadBrief(file, diagnostics, { ...options, defaults: config.defaults });
  const { blocks, links } = lexBrief(brief);
  const labels = labelsFor(brief.meta.lang);
  const [images, assets, templates, logo, scriptFonts] = await Promise.all([
    loadImages(blocks, brief, diagnostics),
    loadAssets(brief.meta.theme),
    loadTemplates(undefined, options.templates ?? config.templates),
    loadLogo(brief, diagnostics),
    loadScriptFonts(deckText(brief, labels), brief.meta.lang),
  ]);
  const sections = toSections(blocks, brief.meta);
  const slides = addFurniture(toSlides(sections, brief, links, labels), sections, brief, links, labels);
  const fonts = { ...assets, fontsCss: `${assets.fontsCss}\n${scriptFonts}` };
  const deck = renderDeck({ brief, slides, images, assets: fonts, templates, version: VERSION, logo });
  return { deck, slides, diagnostics };
}

/** The library API: builds one brief into `<outDir>/<name>/index.html` (and its PDF), atomically. */
export async function buildDeck(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { deck, slides, diagnostics } = await composeDeck(file, options);
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
    return { file, deck, slides, outputs, diagnostics, ms: { build: performance.now() - started - pdfMs, pdf: pdfMs } };
  } finally {
    await staging.discard();
  }
}
