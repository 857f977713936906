import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { diffSlides, furnitureHashes, slideHashes, type SlideChanges } from '../cache/slide-changes.js';
import { readManifest } from '../cache/manifest.js';
import { isUpToDate, replayDiagnostics } from '../cache/up-to-date.js';
import type { Diagnostics } from '../diagnostics.js';
import { throwIfInterrupted } from '../errors.js';
import { briefName } from '../load/load-brief.js';
import type { Deck, FitStats, Slide } from '../types.js';
import { settleFolder } from '../write/commit-journal.js';
import { outputFailure } from '../write/output-error.js';
import { stageOutputs } from '../write/stage-outputs.js';
import { composeDeck } from './compose-deck.js';
import { pptxWanted, type BuildOptions } from './options.js';
import { enforceStrict } from './strict.js';

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

/** The library API: builds one brief into `<outDir>/<name>/index.html` (and its PDF), atomically. */
export async function buildDeck(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const target = path.join(options.outDir ?? 'dist', briefName(file));
  // An interrupted commit is completed first: the manifest read next then matches the files.
  await settleFolder(target).catch((error: unknown) => {
    throw outputFailure(error, target, target);
  });
  const previous = await readManifest(target);
  // Loaded when first needed (pdf-lib and the export modules cost an HTML-only build more than it
  // does); when the folder holds no build to be up to date with, it will print: the modules are
  // loaded now, while Chromium measures, not after it.
  const willPrint = (options.pdf || options.handout || options.pptx) && (options.force || !previous?.input);
  const printing = willPrint ? import('./print-outputs.js') : undefined;
  printing?.catch(() => undefined);
  const composed = await composeDeck(file, options, previous ?? {});
  const { deck, slides, diagnostics, key, input, fit, measures, sources } = composed;
  if (options.strict) enforceStrict(diagnostics);
  const hashes = slideHashes(deck);
  const furniture = furnitureHashes(deck);
  const changes = diffSlides(previous?.deck?.slides, hashes, { before: previous?.deck?.furniture, after: furniture });
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
      const { printOutputs } = await (printing ?? import('./print-outputs.js'));
      await printOutputs({ deck, input, htmlPath, staging, browser: options.browser, diagnostics }, { ...options, pptx, pptxImages: pptx && pptxImages });
      pdfMs = performance.now() - built;
    }
    throwIfInterrupted(options.signal);
    const record = { brief: file, title: deck.brief.meta.title, date: deck.brief.meta.date, lang: deck.brief.meta.lang, slides: hashes, furniture };
    const outputs = await staging.commit({ input: { key, diagnostics: diagnostics.list }, deck: record, fit: measures });
    return { file, deck, slides, outputs, diagnostics, ms: { build: performance.now() - started - pdfMs, pdf: pdfMs }, skipped: false, changes, fit, sources };
  } catch (error) {
    throw staging.failure(error);
  } finally {
    await staging.discard();
  }
}
