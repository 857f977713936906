import { performance } from 'node:perf_hooks';
import createDebug from 'debug';
import type { Page } from 'puppeteer';
import { formatRef, locateIn } from '../diagnostics.js';
import { BriefdeckError, EXIT, fail } from '../errors.js';
import type { Deck } from '../types.js';
import type { BrowserSession } from './browser-session.js';
import type { PageState } from './watch-page.js';

/** One brief's work in the browser; every message about it starts with `${name} of ${file}`. */
export interface BrowserJob {
  session: BrowserSession;
  deck: Deck;
  /** `PDF export`, `handout export`, `slide measurement`. */
  name: string;
  /** The error code its failures carry. */
  code: string;
  /** The deck's slides the page holds, when only some (a chunk of a large deck): `[start, end)`. */
  range?: { start: number; end: number };
  /** Told of each request the page's rule refused (see confinePage), to report it. */
  blocked?: (url: string) => void;
}

export function jobTitle(job: BrowserJob): string {
  return `${job.name} of ${job.deck.brief.file}`;
}

/** `DEBUG=briefdeck:steps`: how long each browser step took, to see where a build's time goes. */
const debug = createDebug('briefdeck:steps');

const STUCK = 'the page does not respond: a script in it may loop forever';

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * How many slides reveal's print layout has taken: it moves each slide out of `.slides` into its
 * page as it lays it out, and adds the pages to the document only once all are done.
 */
async function slidesTaken(page: Page, total: number): Promise<number | undefined> {
  const left = await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length).catch(() => undefined);
  return left === undefined ? undefined : total - left;
}

/** The slide a failed step had reached when the page can tell, else the slides it was working on. */
async function placeOf(job: BrowserJob, page: Page, state: PageState, layout: boolean): Promise<string> {
  const { slides } = job.deck;
  const { start, end } = job.range ?? { start: 0, end: slides.length };
  const taken = layout && state.answers ? await slidesTaken(page, end - start) : undefined;
  if (taken === undefined || taken < 1 || taken > end - start) return `on slides ${start + 1}–${end}`;
  const slide = slides[start + taken - 1];
  const at = locateIn(job.deck.brief, { file: job.deck.brief.file, line: slide.line });
  return `at slide ${start + taken} of ${slides.length} ("${slide.title}", ${at.file === job.deck.brief.file ? `line ${at.line}` : formatRef(at)})`;
}

/** Rejects when the step's time is up or the page dies, whichever comes first; `stop()` disarms it. */
function deadline(job: BrowserJob, page: Page): { expired: Promise<never>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const cancelAsk = job.session.askAhead(page, job.session.timeout);
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${seconds(job.session.timeout)} (--timeout)`)), job.session.timeout);
    void job.session.goneOf(page).then((reason) => reject(new Error(reason)));
  });
  return {
    expired,
    stop: () => {
      clearTimeout(timer);
      cancelAsk();
    },
  };
}

/**
 * Runs one browser step under the session's per-step time limit. Its failure names the job, the
 * brief, the slide (or the slides the step covered), the step, and the page's state: stuck,
 * crashed or neither. The step owns the time limit, so calls inside it pass Puppeteer `timeout: 0`.
 */
export async function browserStep<T>(job: BrowserJob, page: Page, what: string, run: () => Promise<T>, options: { layout?: boolean } = {}): Promise<T> {
  const { expired, stop } = deadline(job, page);
  const started = performance.now();
  const running = run();
  void running.then(() => debug('%s: %s %d ms', jobTitle(job), what, Math.round(performance.now() - started)), () => undefined);
  // After a timeout the call still settles (at the latest when the page is closed): not news then.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    // Our own verdicts (a wrong page count) are already worded.
    if (error instanceof BriefdeckError) throw error;
    const state = await job.session.stateOf(page);
    const place = await placeOf(job, page, state, options.layout ?? false);
    const why = state.crashed ?? (state.answers ? undefined : STUCK);
    const cause = (error as Error).message.split('\n')[0];
    fail(job.code, `${jobTitle(job)} failed ${place} while ${what}${why && why !== cause ? ` (${why})` : ''}: ${cause}`, { exitCode: EXIT.export, cause: error });
  } finally {
    stop();
  }
}
