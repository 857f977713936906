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
import type { MetaOverrides } from './load/read-meta.js';
import { renderDeck } from './render/render-deck.js';
import { toSections } from './split/to-sections.js';
import { toSlides } from './split/to-slides.js';
import { VERSION } from './version.js';
import { enforceStrict } from './check/strict.js';
import { throwIfInterrupted } from './errors.js';
import { stageOutputs } from './write/stage-outputs.js';

export interface BuildOptions extends MetaOverrides {
  /** Output root; each brief goes to `<outDir>/<name>/`. Default `dist`. */
  outDir?: string;
  /** Also print `<name>.pdf` (needs `browser`). */
  pdf?: boolean;
  browser?: BrowserSession;
  /** Receives warnings; a new collector is used when none is given. */
  diagnostics?: Diagnostics;
  /** Every warning about the brief is an error; nothing is written. */
  strict?: boolean;
  /** Keep raw HTML unsanitized (trusted briefs only). */
  allowHtml?: boolean;
  /** Download and embed http(s) images instead of showing a placeholder. */
  fetchRemote?: boolean;
  /** Write into a folder briefdeck did not create, and over files changed since it wrote them. */
  force?: boolean;
  /** Aborted on Ctrl-C: nothing is committed after it. */
  signal?: AbortSignal;
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
  const brief = await loadBrief(file, diagnostics, options);
  const { blocks, links } = lexBrief(brief);
  const [images, assets, templates] = await Promise.all([loadImages(blocks, brief, diagnostics, { fetchRemote: options.fetchRemote, signal: options.signal }), loadAssets(brief.meta.theme), loadTemplates()]);
  const slides = toSlides(toSections(blocks, brief.meta), brief, links);
  const deck = renderDeck({ brief, slides, images, assets, templates, version: VERSION, allowHtml: options.allowHtml });
  if (options.strict) enforceStrict(diagnostics);
  return { deck, slides, diagnostics };
}

/** The library API: builds one brief into `<outDir>/<name>/index.html` (and its PDF), atomically. */
export async function buildDeck(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { deck, slides, diagnostics } = await composeDeck(file, options);
  const target = path.join(options.outDir ?? 'dist', deck.brief.name);
  const staging = await stageOutputs(target, { force: options.force });
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
    throwIfInterrupted(options.signal);
    const outputs = await staging.commit();
    return { file, deck, slides, outputs, diagnostics, ms: { build: performance.now() - started - pdfMs, pdf: pdfMs } };
  } finally {
    await staging.discard();
  }
}
