import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import createDebug from 'debug';
import type { Browser, Page } from 'puppeteer';
import { realpathSync, statSync } from 'node:fs';
import { findBrowser, type FoundBrowser } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import { PageSlots } from './page-slots.js';
import { BROWSER_EXITED, PageWatch, patienceFor, type PageState } from './watch-page.js';

const debug = createDebug('briefdeck:export');
const PAGE_CLOSE_MS = 2_000;
type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown; crashed?: string };

/** A job whose page `keep` may take over once it is done (fit's measuring page): true when it did. */
type KeptJob = PageJob & { keep?: (page: Page) => boolean };

export interface PageJob {
  /** What the page is for, e.g. `PDF export of content/x.md`: named when the browser cannot start. */
  job?: string;
  /** Called before the one retry after a crash, with the reason. */
  onRetry?: (reason: string) => void;
}

export { CHROMIUM_ARGS } from './launch-browser.js';

export interface BrowserOptions {
  /** `--browser PATH`; otherwise the documented search order applies. */
  browserPath?: string;
  /** Per step (load, lay out, print), in milliseconds. */
  timeout?: number;
  /** For starting the browser, in milliseconds (default 60 s): apart from the steps, whose limit a test or a user may set low. */
  launchTimeout?: number;
  /**
   * The run cannot do without the browser (it prints PDFs): a missing or broken browser is then an
   * error wherever it is first met, never a fallback such as fitting by word budget only.
   */
  required?: boolean;
  /** Pages open at once (default: the cores); more wait for a free one. */
  maxPages?: number;
}

/**
 * One browser per run, launched on first use and shared by every brief; closed on every path
 * through `close()` (or `await using`).
 */
export class BrowserSession implements AsyncDisposable {
  private launching?: Promise<Browser>;
  /** A failed launch, kept for the rest of the run: every later job fails at once with it. */
  private launchFailure?: unknown;
  private readonly watches = new WeakMap<Page, PageWatch>();
  /** Set by `close()`: failures after it are the stop, not a crash to retry. */
  private stopping = false;
  /** Set by `stop()` (Ctrl-C, SIGTERM): for good, no browser is launched again in this session. */
  private stopped = false;
  /** Aborts a launch under way (Puppeteer then kills the half-started Chromium): see `stop()`. */
  private readonly launchAbort = new AbortController();
  /** Launches not settled yet. */
  private pendingLaunches = 0;
  private found?: FoundBrowser;
  private print?: string;
  /** The page kept open between uses (fit's measuring page), and what it holds. */
  private kept?: { key: string; page: Page; busy: boolean };
  /** Pages in use by `withPage` (the kept page is idle, not in here). */
  private readonly open = new Set<Page>();
  /** Raised by `cancelPages()`: a page opened for work begun before it is closed at once. */
  private generation = 0;
  private readonly slots: PageSlots;
  /** See `BrowserOptions.maxPages`. */
  readonly maxPages: number;
  readonly timeout: number;
  readonly launchTimeout: number;
  /** See `BrowserOptions.required`. */
  readonly required: boolean;
  /**
   * How many times a browser was started, how many pages it opened, the most open at once (one
   * launch and ≤ cores for a run), and how many documents its pages loaded (`load` events of a page's
   * main frame: a cold `--pdf` build of a deck loads it once, measured and printed in one page).
   */
  readonly stats = { launches: 0, pagesOpened: 0, peakPages: 0, loads: 0 };

  constructor(private readonly options: BrowserOptions = {}) {
    this.timeout = options.timeout ?? 60_000;
    this.launchTimeout = options.launchTimeout ?? 60_000;
    this.required = options.required ?? false;
    this.maxPages = Math.max(1, options.maxPages ?? os.availableParallelism());
    this.slots = new PageSlots(this.maxPages);
  }

  /** Resolves the browser path without launching, so a missing browser is reported up front. */
  locate(): FoundBrowser {
    this.found ??= findBrowser(this.options.browserPath);
    return this.found;
  }

  /**
   * The browser binary's identity (its real path, size and time), without launching it: what it
   * measured holds for it alone, so an upgraded Chromium measures anew (fit/measure-memo.ts).
   */
  fingerprint(): string {
    if (!this.print) {
      const real = realpathSync(this.locate().path);
      const { size, mtimeMs } = statSync(real);
      this.print = `${real}|${size}|${Math.round(mtimeMs)}`;
    }
    return this.print;
  }

  /** Closes the page kept between uses (fit's measuring page): the next use loads a fresh one. */
  dropKeptPage(): void {
    const kept = this.kept;
    this.kept = undefined;
    if (kept && !kept.busy) void kept.page.close().catch(() => undefined);
  }

  get launched(): boolean {
    return this.launching !== undefined;
  }

  private launch(job?: string): Promise<Browser> {
    const found = this.locate();
    debug('launching %s (found via %s)', found.path, found.source);
    this.stats.launches++;
    this.pendingLaunches++;
    const launching = launchBrowser(found, { launch: this.launchTimeout, step: this.timeout }, job, this.launchAbort.signal);
    const started = Date.now();
    void launching.then(
      () => {
        this.pendingLaunches--;
        debug('browser launched in %d ms', Date.now() - started);
      },
      () => this.pendingLaunches--,
    );
    return launching;
  }

  /**
   * The run's browser, launched on first use. A launch that fails is not tried again in this
   * session: with many briefs, each would otherwise wait out the same timeout or fail the same way.
   */
  browser(job?: string): Promise<Browser> {
    if (this.stopped) return Promise.reject(new Error('the run was interrupted: no browser is started after Ctrl-C or SIGTERM'));
    if (this.launchFailure) return Promise.reject(this.launchFailure);
    if (!this.launching) {
      this.stopping = false;
      this.launching = this.launch(job);
      this.launching.catch((error: unknown) => {
        this.launching = undefined;
        this.launchFailure = error;
      });
    }
    return this.launching;
  }

  /** How `page` is after a failed call on it (alive, stuck or crashed); asked once per page. */
  stateOf(page: Page): Promise<PageState> {
    return this.watches.get(page)?.afterFailure() ?? Promise.resolve({ answers: false });
  }

  /** Has `page` asked ahead of a step's deadline (see PageWatch); returns the cancel. */
  askAhead(page: Page, deadlineMs: number): () => void {
    return this.watches.get(page)?.askAhead(deadlineMs) ?? (() => undefined);
  }

  /** Resolves with the reason if `page` or the browser dies while a job uses it. */
  goneOf(page: Page): Promise<string> {
    return this.watches.get(page)?.gone ?? new Promise(() => undefined);
  }

  /**
   * Runs `fn` on a fresh page. If Chromium or the page crashes under it, the browser is relaunched
   * and `fn` runs once more (after `onRetry`); a second crash is final. A stop via `close()` is
   * never mistaken for a crash. Briefs and the chunks of a large deck all ask for pages here, so at
   * most `maxPages` renderers compete for the cores whatever asks; `fn` must not itself call
   * `withPage`, or it could wait for a slot it holds.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>, options: KeptJob = {}): Promise<T> {
    await this.slots.take();
    try {
      return await this.withFreshPage(fn, options);
    } finally {
      this.slots.release();
    }
  }

  private async withFreshPage<T>(fn: (page: Page) => Promise<T>, { job, onRetry, keep }: KeptJob): Promise<T> {
    const first = await this.attempt(fn, job, keep);
    if (first.ok) return first.value;
    if (!first.crashed || this.stopping || this.stopped) throw first.error;
    const reason = first.crashed;
    debug('%s; relaunching once', reason);
    await this.close();
    this.stopping = false;
    onRetry?.(reason);
    const second = await this.attempt(fn, job, keep);
    if (second.ok) return second.value;
    throw second.error;
  }

  /**
   * Runs `fn` on the page kept for `key` (fit's measuring page, which holds that page's print view
   * laid out), if one is kept, idle and alive; undefined when none is, or when `fn` failed on it
   * (the page is then dropped: the caller does the work on a fresh page), unless the failure was a
   * stop or `cancelPages()`, which are thrown. While `fn` runs the page counts as open, so
   * `cancelPages()` closes it like any other.
   */
  async onKeptPage<T>(key: string, fn: (page: Page) => Promise<T>): Promise<{ value: T } | undefined> {
    const kept = this.kept;
    if (!kept || kept.key !== key || kept.busy || kept.page.isClosed() || !this.launching) return undefined;
    kept.busy = true;
    const generation = this.generation;
    debug('reusing the kept page');
    await this.slots.take();
    this.open.add(kept.page);
    const watch = new PageWatch(await this.launching, kept.page, patienceFor(this.timeout));
    this.watches.set(kept.page, watch);
    try {
      return { value: await fn(kept.page) };
    } catch (error) {
      if (this.kept === kept) this.kept = undefined;
      void kept.page.close().catch(() => undefined);
      // The browser was closed under it by a stop: not a page to replace.
      if (this.stopping || this.stopped || generation !== this.generation) throw error;
      debug('kept page failed (%s); using a fresh one', (error as Error).message.split('\n')[0]);
      return undefined;
    } finally {
      watch.dispose();
      this.open.delete(kept.page);
      kept.busy = false;
      this.slots.release();
    }
  }

  /**
   * Runs `fn(page, false)` on the page kept for `key`, which already holds what `fn` loaded there
   * before; otherwise (none kept, another key, or busy) `fn(page, true)` on a fresh page, which is
   * then kept in place of the last one. A kept page that fails is dropped and `fn` runs on a fresh one.
   */
  async withKeptPage<T>(key: string, fn: (page: Page, fresh: boolean) => Promise<T>, job?: string): Promise<T> {
    const reused = await this.onKeptPage(key, (page) => fn(page, false));
    if (reused) return reused.value;
    const keep = (page: Page): boolean => {
      if (this.kept?.busy || this.stopping) return false;
      void this.kept?.page.close().catch(() => undefined);
      this.kept = { key, page, busy: false };
      return true;
    };
    return this.withPage((page) => fn(page, true), { job, keep });
  }

  /**
   * Stops the work in progress (a PDF export an edit has made stale) by closing its pages: the
   * calls on them fail, the browser and what it measured stay for the next build.
   */
  async cancelPages(): Promise<void> {
    this.generation++;
    await Promise.all([...this.open].map((page) => page.close().catch(() => undefined)));
  }

  private async attempt<T>(fn: (page: Page) => Promise<T>, job?: string, keep?: (page: Page) => boolean): Promise<Attempt<T>> {
    const generation = this.generation;
    const browser = await this.browser(job);
    let page: Page | undefined;
    let watch: PageWatch | undefined;
    try {
      // A window each: a tab behind another gets no animation frames, and reveal's print view waits for one.
      page = await browser.newPage({ type: 'window' });
      this.stats.pagesOpened++;
      page.on('load', () => this.stats.loads++);
      this.open.add(page);
      if (generation !== this.generation) throw new Error('cancelled: a newer build replaces this one');
      watch = new PageWatch(browser, page, patienceFor(this.timeout));
      this.watches.set(page, watch);
      this.stats.peakPages = Math.max(this.stats.peakPages, this.open.size);
      debug('page opened (%d open)', this.open.size);
      page.setDefaultTimeout(this.timeout);
      const value = await fn(page);
      if (keep?.(page)) {
        // Kept for later, idle until then: it no longer counts as open.
        this.open.delete(page);
        page = undefined;
      }
      return { ok: true, value };
    } catch (error) {
      if (this.stopping) return { ok: false, error };
      const crashed = watch ? (await watch.afterFailure()).crashed : browser.connected ? undefined : BROWSER_EXITED;
      return { ok: false, error, crashed };
    } finally {
      watch?.dispose();
      if (page) this.open.delete(page);
      // A hung page may never answer `close`; the browser's own close ends it then.
      if (page) await Promise.race([page.close().catch(() => undefined), sleep(PAGE_CLOSE_MS, undefined, { ref: false })]);
      if (page) debug('page closed (%d open)', this.open.size);
    }
  }

  /**
   * Ctrl-C or SIGTERM: closes the browser and keeps it closed. Work still running fails at its
   * next call on the browser rather than starting a new one (a crash retry or a kept page's
   * replacement would otherwise launch Chromium again after the signal and run on for seconds).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    // A Chromium still starting would first finish its start (seconds on a loaded machine) only to be closed.
    if (this.pendingLaunches > 0) this.launchAbort.abort();
    await this.close();
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.kept = undefined;
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const browser = await launching.catch(() => undefined);
    debug('closing the browser');
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
    debug('browser closed');
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
