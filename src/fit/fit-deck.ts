import { performance } from 'node:perf_hooks';
import type { Diagnostics } from '../diagnostics.js';
import { BriefdeckError, EXIT } from '../errors.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { measureSlides } from './measure-deck.js';
import type { StoredMeasures } from './measure-memo.js';
import { refit, type RefitOptions, type Unfit } from './refit.js';
import { calibrate, scaleOf } from './calibrate.js';
import type { Deck, Section, Slide } from '../types.js';

/** Rounds of measure-and-split; each splits every overflowing slide, so a few always suffice. */
export const MAX_ROUNDS = 6;
const CALIBRATIONS = 2;
/** 20 px body text on the theme's 28 px: the smallest a shrunk block may go. */
export const SCALE_FLOOR = 20 / 28;

export interface FitStats {
  /** Whether slides were measured in a browser at all. */
  verified: boolean;
  rounds: number;
  /** Time spent laying out and measuring, in milliseconds. */
  ms: number;
  /** Slides that still overflow. */
  overflow: number;
}

export interface FitResult {
  deck: Deck;
  slides: Slide[];
  stats: FitStats;
  /** Every measure this fit used, to be kept with the outputs: the next build measures only what changed. */
  measures?: StoredMeasures;
}

function describe(u: Unfit): string {
  const parts = [u.overflowY > 1 ? `${Math.ceil(u.overflowY)} px too tall` : '', u.overflowX > 1 ? `${Math.ceil(u.overflowX)} px too wide` : ''].filter(Boolean);
  const what = u.slide.kind === 'content' || u.slide.kind === 'summary' ? 'even at the smallest text size' : 'and a slide of this kind cannot be split';
  return `slide ${u.slide.id} (${u.number}) is ${parts.join(' and ')} ${what}`;
}

function sameSlides(a: Slide[], b: Slide[]): boolean {
  const key = (slides: Slide[]): string => slides.map((s) => s.blocks.map((x) => x.token.raw).join('\u0001')).join('\u0002');
  return a.length === b.length && key(a) === key(b);
}

function isMissingBrowser(error: unknown): boolean {
  return error instanceof BriefdeckError && error.exitCode === EXIT.noBrowser;
}

/** Packs the brief into slides; `lineScale` comes from calibration (see split/calibrate.ts). */
export type PackSlides = (lineScale?: (section: Section) => number) => Slide[];

/**
 * Fit by measurement: render, lay out every slide in Chromium (one page load per round), re-pack
 * each section to what its slides really hold, then split again whatever still overflows, until
 * nothing does or nothing more can be done. Without a browser the budget's estimate stands.
 */
export async function fitDeck(
  packSlides: PackSlides,
  /** Renders the deck; with `only`, a page of just those slides (see RenderInput.only). */
  render: (slides: Slide[], only?: number[]) => Deck,
  session: BrowserSession | undefined,
  opts: Omit<RefitOptions, 'floor'> & { file: string; settle?: (slides: Slide[]) => Slide[] },
  diagnostics: Diagnostics,
): Promise<FitResult> {
  let slides = packSlides();
  let deck = render(slides);
  const stats: FitStats = { verified: false, rounds: 0, ms: 0, overflow: 0 };
  if (!session) return { deck, slides, stats };
  const started = performance.now();
  const refitOpts = { ...opts, floor: SCALE_FLOOR };
  let unfit: Unfit[] = [];
  const used = new Set<string>();
  // Measures the deck as it stands; a page of only the slides not laid out before.
  const measure = (): ReturnType<typeof measureSlides> => measureSlides(session, deck, (only) => render(slides, only), { used });
  try {
    let measures = await measure();
    stats.rounds = 1;
    // Calibration is proportional while slides are not (gaps, table heads), so it runs twice.
    let scales = new Map<number, number>();
    for (let pass = 0; pass < CALIBRATIONS; pass++) {
      const next = calibrate(slides, measures, opts.ctx);
      if (![...next].some(([i, k]) => Math.abs(k / (scales.get(i) ?? 1) - 1) > 0.1)) break;
      scales = next;
      const repacked = packSlides(scaleOf(scales));
      // Often the calibrated packing is the same; its measures are then already known.
      if (sameSlides(repacked, slides)) break;
      slides = repacked;
      deck = render(slides);
      measures = await measure();
      stats.rounds++;
    }
    for (;;) {
      const next = refit(slides, measures, refitOpts);
      unfit = next.unfit;
      if (!next.changed || stats.rounds >= MAX_ROUNDS) break;
      // A re-split moves footnote references between slides; they are attached again.
      slides = opts.settle ? opts.settle(next.slides) : next.slides;
      deck = render(slides);
      measures = await measure();
      stats.rounds++;
    }
  } catch (error) {
    // When the run needs the browser anyway (PDFs), its absence is that run's error, reported once,
    // not a warning per brief followed by the same failure again at export.
    if (!isMissingBrowser(error) || session.required) throw error;
    diagnostics.warn('fit-unverified', `slides were packed by word budget only; fit was not measured (${(error as Error).message})`, { file: opts.file, line: 1 });
    return { deck, slides, stats };
  }
  stats.verified = true;
  stats.ms = performance.now() - started;
  stats.overflow = unfit.length;
  for (const u of unfit) diagnostics.warn('overflow', describe(u), { file: opts.file, line: u.line, column: 1 });
  return { deck, slides, stats, measures: session.measures().store(used) };
}
