import path from 'node:path';
import { inputKey } from '../cache/input-key.js';
import { readManifest, type Manifest } from '../cache/manifest.js';
import { Diagnostics, locateIn } from '../diagnostics.js';
import { BriefdeckError } from '../errors.js';
import { fitDeck } from '../fit/fit-deck.js';
import { labelsFor } from '../i18n/labels.js';
import { imageRefs, lexBrief } from '../lex/lex-brief.js';
import { loadAssets } from '../load/load-assets.js';
import { loadBrief } from '../load/load-brief.js';
import { loadConfig } from '../load/load-config.js';
import { loadImages } from '../load/load-images.js';
import { loadLogo } from '../load/load-logo.js';
import { loadScriptFonts } from '../load/load-script-fonts.js';
import { loadTemplates, templatesGiven } from '../load/load-templates.js';
import { deckText } from '../render/deck-text.js';
import { condenseSections, presentingOrder } from '../split/condense.js';
import { extractFootnotes, sourcesSection } from '../split/footnotes.js';
import { checkSectionCount, toSections } from '../split/to-sections.js';
import type { Block, Brief, Deck, DeckAssets, DeckPlan, FitStats, NamedFile, RenderBase, RenderInput, Slide, StoredMeasures } from '../types.js';
import { VERSION } from '../version.js';
import { pptxWanted, type BuildOptions } from './options.js';
import { lintBrief } from './lint-brief.js';

export interface Composed {
  deck: Deck;
  slides: Slide[];
  diagnostics: Diagnostics;
  /** Hash of everything the deck is made from (cache/input-key.ts). */
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

/** What an earlier build kept in the deck's folder (its manifest), as far as composing a deck uses it. */
export type Kept = Pick<Manifest, 'fit'>;

/** An error about a line of the body, moved to where that line was written (see locateIn). */
function locatedError(error: unknown, brief: Brief): unknown {
  if (!(error instanceof BriefdeckError) || !error.at) return error;
  const at = locateIn(brief, error.at);
  return at === error.at ? error : new BriefdeckError(error.code, error.message, { at, exitCode: error.exitCode, cause: error.cause });
}

const withFonts = new WeakMap<DeckAssets, Map<string, DeckAssets>>();

/** The theme's assets with a script's fonts added: one object per pair, so the input key hashes it once per process, not per brief. */
function assetsWithFonts(assets: DeckAssets, scriptFonts: string): DeckAssets {
  let byFonts = withFonts.get(assets);
  if (!byFonts) withFonts.set(assets, (byFonts = new Map()));
  let combined = byFonts.get(scriptFonts);
  if (!combined) byFonts.set(scriptFonts, (combined = { ...assets, fontsCss: `${assets.fontsCss}\n${scriptFonts}` }));
  return combined;
}

/** Everything render needs besides the slides, read from disk once per brief. */
async function readInputs(brief: Brief, blocks: Block[], templates: NamedFile | undefined, diagnostics: Diagnostics, options: BuildOptions): Promise<RenderBase> {
  const [images, assets, sources, logo, scriptFonts] = await Promise.all([
    loadImages(imageRefs(blocks), brief, diagnostics, { fetchRemote: options.fetchRemote, signal: options.signal }),
    loadAssets(brief.meta.theme, brief.meta.themeFile, templates, diagnostics),
    loadTemplates(undefined, templates),
    loadLogo(brief, diagnostics),
    loadScriptFonts(deckText(brief, labelsFor(brief.meta.lang)), brief.meta.lang),
  ]);
  return { brief, images, assets: assetsWithFonts(assets, scriptFonts), templates: sources, version: VERSION, logo, allowHtml: options.allowHtml };
}

/** The brief's sections as split packs them, the generated Sources last. */
function planOf(brief: Brief, blocks: Block[], links: DeckPlan['links']): DeckPlan {
  const { blocks: body, footnotes } = extractFootnotes(blocks, brief.file);
  const written = toSections(body, brief.meta);
  checkSectionCount(written, brief.file);
  const condensed = brief.meta.mode === 'condensed';
  // Presenting, the bottom line comes first; the closing slide recalls the conclusion as written.
  const own = condensed ? presentingOrder(written) : written;
  const sections = condensed ? condenseSections(own, { lang: brief.meta.lang, links, closing: brief.meta.closing !== false }) : written;
  const sources = sourcesSection(footnotes, sections.length, labelsFor(brief.meta.lang).sources);
  return { brief, sections: sources ? [...sections, sources] : sections, own, footnotes, links };
}

async function composeBody(brief: Brief, templates: NamedFile | undefined, diagnostics: Diagnostics, options: BuildOptions, kept?: Kept): Promise<Omit<Composed, 'key' | 'sources' | 'pptx'>> {
  const { blocks, links } = lexBrief(brief);
  const base = await readInputs(brief, blocks, templates, diagnostics, options);
  const session = options.fit === false ? undefined : options.browser;
  const stored = session ? (kept ?? (await readManifest(path.join(options.outDir ?? 'dist', brief.name))))?.fit : undefined;
  const fitted = await fitDeck(planOf(brief, blocks, links), { ...base, stripNotes: options.stripNotes }, { session, memo: options.memo, kept: stored }, diagnostics);
  lintBrief(brief, blocks, fitted.slides, diagnostics);
  return { deck: fitted.deck, slides: fitted.slides, diagnostics, input: { ...base, slides: fitted.slides }, fit: fitted.stats, measures: fitted.measures };
}

/**
 * The pure middle of the pipeline plus its reads: a brief in, a rendered deck out, nothing written.
 * Build and check alike see what it reports (the same diagnostics, the same severities).
 * `kept` is the deck folder's manifest when the caller has read it already (else it is read here).
 */
export async function composeDeck(file: string, options: BuildOptions = {}, kept?: Kept): Promise<Composed> {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const config = await loadConfig(file, diagnostics, options.config);
  const brief = await loadBrief(file, diagnostics, { ...options, defaults: config.defaults });
  // Past this point the stages number lines in the expanded body; what they report is moved here.
  diagnostics.locateWith(brief);
  const templates = options.templates !== undefined ? templatesGiven(options.templates) : config.templates;
  let composed: Omit<Composed, 'key' | 'sources' | 'pptx'>;
  try {
    composed = await composeBody(brief, templates, diagnostics, options, kept);
  } catch (error) {
    throw locatedError(error, brief);
  }
  const { images, assets } = composed.input;
  // A deck packed by word budget alone is not what a build with a browser makes: it is rebuilt then.
  const key = inputKey({ brief, images, templates: composed.input.templates, assets, options: { ...options, fitVerified: composed.fit.verified, pptxImages: pptxWanted(options, config.pptx).images }, version: VERSION });
  const sources = [config.file, brief.meta.themeFile?.path, templates?.path].filter((f): f is string => f !== undefined);
  return { ...composed, key, sources, pptx: config.pptx };
}
