import { Diagnostics, locateIn } from '../diagnostics.js';
import { plainText } from '../lex/markdown.js';
import { BriefdeckError } from '../errors.js';
import type { Diagnostic, FitStats, SourceRef } from '../types.js';
import { composeDeck, type Composed } from './compose-deck.js';
import type { BuildOptions } from './options.js';
import { applyStrict } from './strict.js';

/** What `check` takes: how the deck would be built, never where it would be written. */
export type CheckOptions = Omit<BuildOptions, 'outDir' | 'pdf' | 'notes' | 'handout' | 'handoutLayout' | 'paper' | 'force' | 'diagnostics'>;

export interface CheckResult {
  file: string;
  /** Slides the deck would have; 0 when the brief could not be built. */
  slides: number;
  fit?: FitStats;
  diagnostics: Diagnostic[];
  /** Condensed: the bullets made shorter than the author's sentence, for the author to review. */
  shortened: Shortening[];
}

export interface Shortening {
  at: SourceRef;
  /** The bullet as the slide shows it, and the sentence it was made from. */
  bullet: string;
  from: string;
  /** The sentence's number in its paragraph, and the deletions made (split/shorten.ts). */
  sentence: number;
  rules: string[];
}

/** The shortened bullets of a composed deck, where their paragraphs are in the brief, in order. */
function shortenings(composed: Composed): Shortening[] {
  const { brief } = composed.deck;
  return composed.slides
    .flatMap((slide) => slide.blocks)
    .flatMap((block) => (block.shortened ? [{ at: locateIn(brief, { file: brief.file, line: block.line }), bullet: plainText(block.token).replace(/\s+/g, ' ').trim(), ...block.shortened }] : []));
}

/**
 * Builds a brief in memory, measured, and reports what a build would (the same findings, the same
 * severities); writes nothing. With `strict`, every problem is reported, each as an error.
 */
export async function checkBrief(file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const diagnostics = new Diagnostics();
  let slides = 0;
  let fit: FitStats | undefined;
  let shortened: Shortening[] = [];
  try {
    const built = await composeDeck(file, { ...options, diagnostics });
    slides = built.slides.length;
    fit = built.fit;
    shortened = shortenings(built);
  } catch (error) {
    if (!(error instanceof BriefdeckError)) throw error;
    diagnostics.record({ severity: 'error', code: error.code, message: error.message, at: error.at ?? { file, line: 1 } });
  }
  if (options.strict) applyStrict(diagnostics);
  const byPlace = (a: Diagnostic, b: Diagnostic): number => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0);
  return { file, slides, fit, diagnostics: [...diagnostics.list].sort(byPlace), shortened };
}
