import { performance } from 'node:perf_hooks';
import type { BrowserSession } from '../browser/browser-session.js';
import { reportBlocked } from '../browser/serve-html.js';
import type { Diagnostics } from '../diagnostics.js';
import { BriefdeckError, EXIT } from '../errors.js';
import { renderDeck } from '../render/render-deck.js';
import { attachFootnotes } from '../split/footnotes.js';
import { layoutFor } from '../split/layout.js';
import { packDeck } from '../split/pack-deck.js';
import { isBodySlide, type Deck, type DeckPlan, type FitStats, type RenderBase, type Slide, type SlideMeasure, type StoredMeasures } from '../types.js';
import { calibrate, scaleOf } from './calibrate.js';
import { MeasureMemo } from './measure-memo.js';
import { measureSlides } from './measure-slides.js';
import { refit, type RefitOptions, type Unfit } from './refit.js';

/** Rounds of measure-and-split; each splits every overflowing slide, so a few always suffice. */
export const MAX_ROUNDS = 6;
const CALIBRATIONS = 2;
/** 20 px body text on the theme's 28 px: the smallest a shrunk block may go. */
export const SCALE_FLOOR = 20 / 28;

export interface FitInput {
  /** Without one, the word budget's estimate stands (`fit: false`, or HTML builds with no browser). */
  session?: BrowserSession;
  /** What was measured before, in this run or watch session; a new memo when absent. */
  memo?: MeasureMemo;
  /** Measures an earlier build kept in the output folder's manifest. */
  kept?: StoredMeasures;
}

export interface FitResult {
  deck: Deck;
  slides: Slide[];
  stats: FitStats;
  /** Every measure this fit used, to be kept with the outputs: the next build measures only what changed. */
  measures?: StoredMeasures;
}

/** One fit: the slides as they stand, rendered, and what measuring them costs and keeps. */
interface Round {
  plan: DeckPlan;
  base: RenderBase;
  session: BrowserSession;
  memo: MeasureMemo;
  used: Set<string>;
  stats: FitStats;
  slides: Slide[];
  deck: Deck;
  blocked: (url: string) => void;
}

function describe(u: Unfit): string {
  const parts = [u.overflowY > 1 ? `${Math.ceil(u.overflowY)} px too tall` : '', u.overflowX > 1 ? `${Math.ceil(u.overflowX)} px too wide` : ''].filter(Boolean);
  const what = isBodySlide(u.slide) ? 'even at the smallest text size' : 'and a slide of this kind cannot be split';
  return `slide ${u.slide.id} (${u.number}) is ${parts.join(' and ')} ${what}`;
}

function sameSlides(a: Slide[], b: Slide[]): boolean {
  const key = (slides: Slide[]): string => slides.map((s) => s.blocks.map((x) => x.token.raw).join('\u0001')).join('\u0002');
  return a.length === b.length && key(a) === key(b);
}

function isMissingBrowser(error: unknown): boolean {
  return error instanceof BriefdeckError && error.exitCode === EXIT.noBrowser;
}

/** Measures the round's deck as it stands, and counts the round. */
async function measureCurrent(round: Round): Promise<SlideMeasure[]> {
  const { measures, laidOut } = await measureSlides(round.session, round.memo, round.deck, round.slides, round.base, { used: round.used, blocked: round.blocked });
  round.stats.rounds++;
  round.stats.laidOut += laidOut;
  return measures;
}

/** Renders `slides` into the round and measures them. */
function measure(round: Round, slides: Slide[]): Promise<SlideMeasure[]> {
  round.slides = slides;
  round.deck = renderDeck({ ...round.base, slides });
  return measureCurrent(round);
}

/**
 * The budget's line estimate is cautious: once measured, each section is packed again to what its
 * slides really hold. Calibration is proportional while slides are not (gaps, table heads), so it
 * runs twice; often the calibrated packing is the same, whose measures are then already known.
 */
async function calibrated(round: Round, first: SlideMeasure[], opts: RefitOptions): Promise<SlideMeasure[]> {
  let measures = first;
  let scales = new Map<number, number>();
  for (let pass = 0; pass < CALIBRATIONS; pass++) {
    const next = calibrate(round.slides, measures, opts.ctx, opts.classified);
    if (![...next].some(([i, k]) => Math.abs(k / (scales.get(i) ?? 1) - 1) > 0.1)) break;
    scales = next;
    const repacked = packDeck(round.plan, scaleOf(scales));
    if (sameSlides(repacked, round.slides)) break;
    measures = await measure(round, repacked);
  }
  return measures;
}

/** Splits again (or zooms down) whatever still overflows, until nothing does or nothing more can be done. */
async function resplit(round: Round, first: SlideMeasure[], opts: RefitOptions): Promise<Unfit[]> {
  let measures = first;
  for (;;) {
    const next = refit(round.slides, measures, opts);
    if (!next.changed || round.stats.rounds >= MAX_ROUNDS) return next.unfit;
    // A re-split moves footnote references between slides; they are attached again.
    measures = await measure(round, attachFootnotes(next.slides, round.plan.footnotes));
  }
}

/**
 * Fit by measurement: pack, render, lay every slide out in Chromium, pack each section again to
 * what its slides really hold, then split again whatever still overflows. Without a browser the
 * budget's estimate stands; a missing browser is a warning unless the run needs it (PDFs).
 */
export async function fitDeck(plan: DeckPlan, base: RenderBase, options: FitInput, diagnostics: Diagnostics): Promise<FitResult> {
  const slides = packDeck(plan);
  const deck = renderDeck({ ...base, slides });
  const stats: FitStats = { verified: false, rounds: 0, ms: 0, overflow: 0, laidOut: 0 };
  const { session } = options;
  if (!session) return { deck, slides, stats };
  const file = plan.brief.file;
  const started = performance.now();
  const memo = options.memo ?? new MeasureMemo();
  const round: Round = { plan, base, session, memo, used: new Set(), stats, slides, deck, blocked: reportBlocked(diagnostics, file, 'slide measurement') };
  const meta = plan.brief.meta;
  const opts: RefitOptions = { ctx: { layout: layoutFor(meta.aspect), lang: meta.lang, links: plan.links }, budget: meta.budget, floor: SCALE_FLOOR, classified: Boolean(meta.classification) };
  let unfit: Unfit[];
  try {
    memo.bind(session.fingerprint());
    memo.seed(options.kept);
    unfit = await resplit(round, await calibrated(round, await measureCurrent(round), opts), opts);
  } catch (error) {
    // When the run needs the browser anyway (PDFs), its absence is that run's error, reported once,
    // not a warning per brief followed by the same failure again at export.
    if (!isMissingBrowser(error) || session.required) throw error;
    diagnostics.warn('fit-unverified', `slides were packed by word budget only; fit was not measured (${(error as Error).message})`, { file, line: 1 });
    return { deck, slides, stats: { ...stats, rounds: 0, laidOut: 0 } };
  }
  Object.assign(stats, { verified: true, ms: performance.now() - started, overflow: unfit.length });
  for (const u of unfit) diagnostics.warn('overflow', describe(u), { file, line: u.line, column: 1 });
  return { deck: round.deck, slides: round.slides, stats, measures: memo.store(round.used) };
}
