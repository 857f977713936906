import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Diagnostics } from './diagnostics.js';
import type { Deck, Slide } from './types.js';
import type { BrowserSession } from './export/browser-session.js';
import { printOutputs, type PrintOptions } from './build-prints.js';
import { lexBrief } from './lex/lex-brief.js';
import { loadAssets } from './load/load-assets.js';
import { loadBrief } from './load/load-brief.js';
import { loadImages } from './load/load-images.js';
import { loadTemplates } from './load/load-templates.js';
import type { MetaOverrides } from './load/read-meta.js';
import { renderDeck, type RenderInput } from './render/render-deck.js';
import { toSections } from './split/to-sections.js';
import { toSlides } from './split/to-slides.js';
import { VERSION } from './version.js';
import { stageOutputs } from './write/stage-outputs.js';

export interface BuildOptions extends MetaOverrides, PrintOptions {
  /** Output root; each brief goes to `<outDir>/<name>/`. Default `dist`. */
  outDir?: string;
  /** Also print `<name>.pdf` (needs `browser`). */
  pdf?: boolean;
  browser?: BrowserSession;
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
export async function composeDeck(file: string, options: BuildOptions = {}): Promise<{ deck: Deck; slides: Slide[]; diagnostics: Diagnostics; input: RenderInput }> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const brief = await loadBrief(file, diagnostics, options);
  const { blocks, links } = lexBrief(brief);
  const [images, assets, templates] = await Promise.all([loadImages(blocks, brief, diagnostics), loadAssets(brief.meta.theme), loadTemplates()]);
  const slides = toSlides(toSections(blocks, brief.meta), brief, links);
  const input: RenderInput = { brief, slides, images, assets, templates, version: VERSION };
  const deck = renderDeck({ ...input, stripNotes: options.stripNotes });
  return { deck, slides, diagnostics, input };
}

/** The library API: builds one brief into `<outDir>/<name>/index.html` (and its PDF), atomically. */
export async function buildDeck(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { deck, slides, diagnostics, input } = await composeDeck(file, options);
  const target = path.join(options.outDir ?? 'dist', deck.brief.name);
  const staging = await stageOutputs(target);
  let pdfMs = 0;
  try {
    const htmlPath = await staging.write('index.html', deck.html);
    const built = performance.now();
    if (options.pdf || options.handout) {
      if (!options.browser) throw new Error('buildDeck: `pdf` and `handout` need a `browser` session');
      await printOutputs({ deck, input, htmlPath, staging, browser: options.browser, diagnostics }, options);
      pdfMs = performance.now() - built;
    }
    const outputs = await staging.commit();
    return { file, deck, slides, outputs, diagnostics, ms: { build: performance.now() - started - pdfMs, pdf: pdfMs } };
  } finally {
    await staging.discard();
  }
}
