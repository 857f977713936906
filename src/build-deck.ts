import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Diagnostics, locateIn } from './diagnostics.js';
import type { Brief, Deck, Section, Slide } from './types.js';
import type { BrowserSession } from './export/browser-session.js';
import type { PrintOptions } from './build-prints.js';
import { fitDeck, type FitStats } from './fit-deck.js';
import { condense } from './split/condense.js';
import { attachFootnotes, extractFootnotes, sourcesSection } from './split/footnotes.js';
import { layoutFor } from './split/layout.js';
import { lexBrief } from './lex/lex-brief.js';
import { loadAssets } from './load/load-assets.js';
import { briefName, loadBrief } from './load/load-brief.js';
import { loadImages } from './load/load-images.js';
import { loadTemplates } from './load/load-templates.js';
import { loadConfig } from './load/load-config.js';
import { loadLogo } from './load/load-logo.js';
import { loadScriptFonts } from './load/load-script-fonts.js';
import { labelsFor } from './render/labels.js';
import { addFurniture } from './split/furniture.js';
import { deckText } from './render/deck-text.js';
import type { MetaOverrides } from './load/read-meta.js';
import { renderDeck, type RenderInput } from './render/render-deck.js';
import { toSections } from './split/to-sections.js';
import { toSlides } from './split/to-slides.js';
import { VERSION } from './version.js';
import { enforceStrict } from './check/strict.js';
import { BriefdeckError, throwIfInterrupted } from './errors.js';
import { stageOutputs } from './write/stage-outputs.js';
import { inputKey } from './write/input-key.js';
import { readManifest, type Manifest } from './write/manifest.js';
import type { StoredMeasures } from './export/measure-memo.js';
import { diffSlides, slideHashes, type SlideChanges } from './write/slide-changes.js';
import { isUpToDate, replayDiagnostics } from './write/up-to-date.js';

export interface BuildOptions extends MetaOverrides, PrintOptions {
  /** Output root; each brief goes to `<outDir>/<name>/`. Default `dist`. */
  outDir?: string;
  /** Also print `<name>.pdf` (needs `browser`). */
  pdf?: boolean;
  browser?: BrowserSession;
  /** `--config FILE`; else the nearest briefdeck.config.{json,yaml,yml} above the brief. */
  config?: string;
  /** `--templates DIR`: partials here win over the built-ins (over `templates:` in the config). */
  templates?: string;
  /** Measure the slides in `browser` and split again what overflows (default true). */
  fit?: boolean;
  /** Receives warnings; a new collector is used when none is given. */
  diagnostics?: Diagnostics;
  /** Every warning about the brief is an error; nothing is written. */
  strict?: boolean;
  /** Keep raw HTML unsanitized (trusted briefs only). */
  allowHtml?: boolean;
  /** Download and embed http(s) images instead of showing a placeholder. */
  fetchRemote?: boolean;
  /** Rebuild even up-to-date decks; write into a folder briefdeck did not create, and over files changed since it wrote them. */
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
  fit: FitStats;
  ms: { build: number; pdf: number };
  /** Nothing was written: the outputs were already built from the same input. */
  skipped: boolean;
  /** Slides added, removed and changed since the folder's last build. */
  changes: SlideChanges;
  /** See Composed.sources. */
  sources: string[];
}

export interface Composed {
  deck: Deck;
  slides: Slide[];
  diagnostics: Diagnostics;
  /** Hash of everything the deck is made from (write/input-key.ts). */
  key: string;
  input: RenderInput;
  fit: FitStats;
  /** What fit measured, kept in the output folder's manifest for the next build. */
  measures?: StoredMeasures;
  /** Files and folders besides the brief's own folder that the deck was made from (config, theme, templates): watch mode watches them. */
  sources: string[];
  /** `pptx:` in the config file, for a build whose options leave it open. */
  pptx?: boolean | 'images';
}

/** Whether to write the .pptx, and as pictures: `--pptx` or `--pptx-images` win; left open (undefined), the config file decides. */
export function pptxWanted(options: BuildOptions, configured: boolean | 'images' | undefined): { pptx: boolean; images: boolean } {
  const images = options.pptxImages ?? (options.pptx === undefined && configured === 'images');
  return { pptx: Boolean(options.pptx ?? (images || configured)), images };
}

/** What an earlier build kept in the deck's folder (its manifest), as far as composing a deck uses it. */
type Kept = Pick<Manifest, 'fit'>;

/** Measures an earlier build kept; without them fit lays every slide out again. */
function seedMeasures(session: BrowserSession, kept: Kept | undefined): void {
  try {
    session.measures().seed(kept?.fit);
  } catch {
    // No browser: fit says so itself, once.
  }
}

/** An error about a line of the body, moved to where that line was written (see locateIn). */
function locatedError(error: unknown, brief: Brief): unknown {
  if (!(error instanceof BriefdeckError) || !error.at) return error;
  const at = locateIn(brief, error.at);
  return at === error.at ? error : new BriefdeckError(error.code, error.message, { at, exitCode: error.exitCode, cause: error.cause });
}

/**
 * The pure middle of the pipeline plus its reads: a brief in, a rendered deck out, nothing written.
 * `kept` is the deck folder's manifest when the caller has read it already (else it is read here).
 */
export async function composeDeck(file: string, options: BuildOptions = {}, kept?: Kept): Promise<Composed> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const config = await loadConfig(file, diagnostics, options.config);
  const brief = await loadBrief(file, diagnostics, { ...options, defaults: config.defaults });
  // Past this point the stages number lines in the expanded body; what they report is moved here.
  diagnostics.locateWith(brief);
  let composed: Omit<Composed, 'key' | 'sources'>;
  try {
    composed = await composeBody(brief, config.templates, diagnostics, options, kept);
  } catch (error) {
    throw locatedError(error, brief);
  }
  if (options.strict) enforceStrict(diagnostics);
  const { images, templates, assets } = composed.input;
  // A deck packed by word budget alone is not what a build with a browser makes: it is rebuilt then.
  const key = inputKey({ brief, images, templates, assets, options: { ...options, fitVerified: composed.fit.verified, pptxImages: pptxWanted(options, config.pptx).images }, version: VERSION });
  const sources = [config.file, /\.css$/i.test(brief.meta.theme) ? brief.meta.theme : undefined, options.templates ?? config.templates].filter((f): f is string => f !== undefined);
  return { ...composed, key, sources, pptx: config.pptx };
}

async function composeBody(brief: Brief, configTemplates: string | undefined, diagnostics: Diagnostics, options: BuildOptions, kept?: Kept): Promise<Omit<Composed, 'key' | 'sources'>> {
  const file = brief.file;
  const { blocks, links } = lexBrief(brief);
  const labels = labelsFor(brief.meta.lang);
  const [images, assets, templates, logo, scriptFonts] = await Promise.all([
    loadImages(blocks, brief, diagnostics, { fetchRemote: options.fetchRemote, signal: options.signal }),
    loadAssets(brief.meta.theme),
    loadTemplates(undefined, options.templates ?? configTemplates),
    loadLogo(brief, diagnostics),
    loadScriptFonts(deckText(brief, labels), brief.meta.lang),
  ]);
  const { blocks: body, footnotes } = extractFootnotes(blocks, file);
  const fonts = { ...assets, fontsCss: `${assets.fontsCss}\n${scriptFonts}` };
  const base = { brief, images, assets: fonts, templates, version: VERSION, logo, allowHtml: options.allowHtml };
  const render = (slides: Slide[], only?: number[]): Deck => renderDeck({ ...base, slides, stripNotes: options.stripNotes, only });
  const ctx = { layout: layoutFor(brief.meta.aspect), lang: brief.meta.lang, links };
  const session = options.fit === false ? undefined : options.browser;
  if (session) seedMeasures(session, kept ?? (await readManifest(path.join(options.outDir ?? 'dist', brief.name))));
  const sections = toSections(brief.meta.mode === 'condensed' ? condense(body, { lang: brief.meta.lang, links }) : body, brief.meta);
  // Agenda and closing slides come from the brief's own sections, not the generated Sources.
  const own = [...sections];
  const sources = sourcesSection(footnotes, sections.length);
  if (sources) sections.push(sources);
  const packSlides = (lineScale?: (section: Section) => number): Slide[] =>
    attachFootnotes(addFurniture(toSlides(sections, brief, links, labels, lineScale), own, brief, links, labels), footnotes);
  const fitted = await fitDeck(packSlides, render, session, { ctx, budget: brief.meta.budget, file, settle: (slides) => attachFootnotes(slides, footnotes) }, diagnostics);
  const input: RenderInput = { ...base, slides: fitted.slides };
  return { deck: fitted.deck, slides: fitted.slides, diagnostics, input, fit: fitted.stats, measures: fitted.measures };
}

/** The library API: builds one brief into `<outDir>/<name>/index.html` (and its PDF), atomically. */
export async function buildDeck(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const target = path.join(options.outDir ?? 'dist', briefName(file));
  const previous = await readManifest(target);
  const composed = await composeDeck(file, options, previous ?? {});
  const { deck, slides, diagnostics, key, input, fit, measures, sources } = composed;
  const hashes = slideHashes(deck);
  const changes = diffSlides(previous?.deck?.slides, hashes);
  const { pptx, images: pptxImages } = pptxWanted(options, composed.pptx);
  const wanted = ['index.html', ...(options.pdf ? [`${deck.brief.name}.pdf`] : []), ...(options.handout ? [`${deck.brief.name}-handout.pdf`] : []), ...(pptx ? [`${deck.brief.name}.pptx`] : [])];
  if (!options.force && previous?.input && (await isUpToDate(target, previous, key, wanted))) {
    replayDiagnostics(previous.input.diagnostics, diagnostics);
    return { file, deck, slides, outputs: [], diagnostics, ms: { build: performance.now() - started, pdf: 0 }, skipped: true, changes, fit, sources };
  }
  const staging = await stageOutputs(target, { force: options.force });
  let pdfMs = 0;
  try {
    const htmlPath = await staging.write('index.html', deck.html);
    const built = performance.now();
    if (options.pdf || options.handout || pptx) {
      if (!options.browser) throw new Error('buildDeck: `pdf`, `handout` and `pptx` need a `browser` session');
      // Loaded when first needed: pdf-lib and the export modules cost an HTML-only build more than it does.
      const { printOutputs } = await import('./build-prints.js');
      await printOutputs({ deck, input, htmlPath, staging, browser: options.browser, diagnostics }, { ...options, pptx, pptxImages: pptx && pptxImages });
      pdfMs = performance.now() - built;
    }
    throwIfInterrupted(options.signal);
    const record = { brief: file, title: deck.brief.meta.title, date: deck.brief.meta.date, lang: deck.brief.meta.lang, slides: hashes };
    const outputs = await staging.commit({ input: { key, diagnostics: diagnostics.list }, deck: record, fit: measures });
    return { file, deck, slides, outputs, diagnostics, ms: { build: performance.now() - started - pdfMs, pdf: pdfMs }, skipped: false, changes, fit, sources };
  } finally {
    await staging.discard();
  }
}
