import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'puppeteer';

/** What a page is like once a call on it has failed. */
export interface PageState {
  /** It evaluated a trivial script: it is alive and not stuck in a loop. */
  answers: boolean;
  /** Why it is gone, when it is: 'the page crashed' or 'Chromium exited unexpectedly'. */
  crashed?: string;
}

/**
 * How long a page that failed may take to answer a trivial script before it counts as stuck. A live
 * page answers in milliseconds, a loaded machine's in tenths of a second; a stuck one burns a core
 * for as long as we wait, on top of the step's own time limit.
 */
const PATIENCE_MS = 2_000;

/**
 * The patience for steps limited to `stepMs`: at most half of it. A step asks ahead one patience
 * before its deadline, and a question sent as the step begins reaches a page that has not yet
 * started the script that hangs it: the page answers, and so is given a second patience after the
 * deadline (`--timeout 2` took 4.5 s).
 */
export function patienceFor(stepMs: number): number {
  return Math.min(stepMs / 2, PATIENCE_MS);
}

export const BROWSER_EXITED = 'Chromium exited unexpectedly';
export const PAGE_CRASHED = 'the page crashed';

/**
 * Follows one page through a job: its crash or its browser's exit, as a promise a step can race,
 * and its state after a failure, asked once.
 *
 * A failure is no proof of a crash, and Chromium reports a crash after the call it broke may have
 * failed (a navigation is aborted first, the renderer dies ~0.1–1 s later). So the page is asked to
 * evaluate a trivial script: a live page answers at once; a crashed one never does, and its crash
 * event ends the wait; only a page stuck in a script loop waits out `patienceMs`. No fixed sleep.
 *
 * A step that may time out asks ahead (`askAhead`), `patienceMs` before its deadline: a page still
 * silent at the deadline has then been silent for `patienceMs` already, and is stuck at once, so a
 * timed-out step reports when its time is up rather than `patienceMs` later.
 */
export class PageWatch {
  /** Resolves with the reason when the page or its browser dies; never rejects. */
  readonly gone: Promise<string>;
  private reason?: string;
  private state?: Promise<PageState>;
  /** The question asked ahead of a deadline, until the page answers it. */
  private early?: { sent: number; settled: boolean };
  private readonly stop: () => void;

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly patienceMs: number,
  ) {
    let done: (reason: string) => void = () => undefined;
    this.gone = new Promise((resolve) => (done = resolve));
    const exited = (): void => void done((this.reason ??= BROWSER_EXITED));
    const crashed = (): void => void done((this.reason ??= PAGE_CRASHED));
    browser.once('disconnected', exited);
    page.once('error', crashed);
    this.stop = () => {
      browser.off('disconnected', exited);
      page.off('error', crashed);
    };
  }

  /** The page's state after a failure: asked once, so a step and the session agree on it. */
  afterFailure(): Promise<PageState> {
    this.state ??= this.ask();
    return this.state;
  }

  /** Asks the page `patienceMs` before `deadlineMs` from now; the returned function cancels that. */
  askAhead(deadlineMs: number): () => void {
    const timer = setTimeout(() => {
      if (this.state || this.early?.settled === false) return;
      const early = { sent: Date.now(), settled: false };
      this.early = early;
      const settle = (): void => void (early.settled = true);
      this.page.evaluate(() => true).then(settle, settle);
    }, Math.max(0, deadlineMs - this.patienceMs));
    timer.unref();
    return () => clearTimeout(timer);
  }

  private async ask(): Promise<PageState> {
    if (this.reason) return { answers: false, crashed: this.reason };
    // Puppeteer marks the connection closed before it fails the calls that were waiting on it.
    if (!this.browser.connected) return { answers: false, crashed: (this.reason ??= BROWSER_EXITED) };
    const early = this.early;
    if (early && !early.settled && Date.now() - early.sent >= this.patienceMs) return { answers: false };
    const timer = new AbortController();
    const answered = this.page.evaluate(() => true).then(
      () => 'answers' as const,
      // A call can fail on a live page (its document is being replaced); a closed browser cannot answer.
      () => (this.browser.connected ? ('answers' as const) : BROWSER_EXITED),
    );
    const silent = sleep(this.patienceMs, 'silent' as const, { signal: timer.signal, ref: false }).catch(() => 'silent' as const);
    const outcome = await Promise.race([answered, this.gone, silent]);
    timer.abort();
    if (outcome === 'answers') return { answers: true };
    if (outcome === 'silent') return { answers: false };
    return { answers: false, crashed: outcome };
  }

  dispose(): void {
    this.stop();
  }
}
