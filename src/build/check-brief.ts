import { composeDeck } from './compose-deck.js';
import type { BuildOptions } from './options.js';
import { Diagnostics } from '../diagnostics.js';
import { BriefdeckError } from '../errors.js';
import { lexBrief } from '../lex/lex-brief.js';
import type { Diagnostic, FitStats } from '../types.js';
import { lintBrief } from './lint-brief.js';

/** What `check` treats as errors by default: defects the reader of the deck would see. */
export const CHECK_ERRORS = ['overflow', 'image-missing', 'link-broken'] as const;

export interface CheckOptions extends Omit<BuildOptions, 'outDir' | 'pdf' | 'diagnostics'> {
  /** Every warning is an error. */
  strict?: boolean;
}

export interface CheckResult {
  file: string;
  /** Slides the deck would have; 0 when the brief could not be built. */
  slides: number;
  fit?: FitStats;
  diagnostics: Diagnostic[];
}

function severityOf(d: Diagnostic, strict: boolean): Diagnostic {
  const error = strict || d.severity === 'error' || (CHECK_ERRORS as readonly string[]).includes(d.code);
  return { ...d, severity: error ? 'error' : 'warning' };
}

/** Builds a brief in memory, measures it, and lints it; writes nothing. */
export async function checkBrief(file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const diagnostics = new Diagnostics();
  let slides = 0;
  let fit: FitStats | undefined;
  try {
    const built = await composeDeck(file, { ...options, strict: false, diagnostics });
    lintBrief(built.deck.brief, lexBrief(built.deck.brief).blocks, built.slides, diagnostics);
    slides = built.slides.length;
    fit = built.fit;
  } catch (error) {
    if (!(error instanceof BriefdeckError)) throw error;
    diagnostics.record({ severity: 'error', code: error.code, message: error.message, at: error.at ?? { file, line: 1 } });
  }
  const byPlace = (a: Diagnostic, b: Diagnostic): number => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0);
  return { file, slides, fit, diagnostics: diagnostics.list.map((d) => severityOf(d, options.strict ?? false)).sort(byPlace) };
}
