import { Diagnostics } from '../diagnostics.js';
import { BriefdeckError } from '../errors.js';
import type { Diagnostic, FitStats } from '../types.js';
import { composeDeck } from './compose-deck.js';
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
}

/**
 * Builds a brief in memory, measured, and reports what a build would (the same findings, the same
 * severities); writes nothing. With `strict`, every problem is reported, each as an error.
 */
export async function checkBrief(file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const diagnostics = new Diagnostics();
  let slides = 0;
  let fit: FitStats | undefined;
  try {
    const built = await composeDeck(file, { ...options, diagnostics });
    slides = built.slides.length;
    fit = built.fit;
  } catch (error) {
    if (!(error instanceof BriefdeckError)) throw error;
    diagnostics.record({ severity: 'error', code: error.code, message: error.message, at: error.at ?? { file, line: 1 } });
  }
  if (options.strict) applyStrict(diagnostics);
  const byPlace = (a: Diagnostic, b: Diagnostic): number => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0);
  return { file, slides, fit, diagnostics: [...diagnostics.list].sort(byPlace) };
}
