import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import createDebug from 'debug';
import type { Browser, Page } from 'puppeteer';
import { EXIT, fail } from '../errors.js';
import { findBrowser, type FoundBrowser } from './find-browser.js';

const debug = createDebug('briefdeck:export');
const PAGE_CLOSE_MS = 2_000;
const CRASH_NOTICE_MS = 1_000;

/** Puppeteer's launch error, cut to what a user can act on: the exit code and the browser's own words. */
function launchFailure(message: string): string {
  const code = /Code: (\d+)/.exec(message)?.[1];
  const stderr = /stderr:\n([\s\S]*?)(?:\n\n|\nTROUBLESHOOTING|$)/.exec(message)?.[1].trim().split('\n').filter(Boolean).slice(-2).join(' / ');
  if (code || stderr) return `it exited${code ? ` with code ${code}` : ''}${stderr ? `: ${stderr}` : ''}`;
  return message.split('\n')[0];
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown; crashed?: string };

/** Flags for headless Chromium on servers and in containers; see the README's notes on browsers. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface BrowserOptions {
  /** `--browser PATH`; otherwise the documented search order applies. */
  browserPath?: string;
  /** Per step (launch, load, print), in milliseconds. */
  timeout?: number;
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
  /** Set by `close()`: failures after it are the stop, not a crash to retry. */
  private stopping = false;
  private found?: FoundBrowser;
  private openPages = 0;
  /** Callers waiting for a page slot, first come first served. */
  private readonly waiting: Array<() => void> = [];
  private slotsInUse = 0;
  /** See `BrowserOptions.maxPages`. */
  readonly maxPages: number;
  readonly timeout: number;
  /** See `BrowserOptions.required`. */
  readonly required: boolean;
  /** How many times a browser was started, and the most pages open at once: one and ≤ cores for a run. */
  readonly stats = { launches: 0, peakPages: 0 };

  constructor(private readonly options: BrowserOptions = {}) {
    this.timeout = options.timeout ?? 60_000;
    this.required = options.required ?? false;
    this.maxPages = Math.max(1, options.maxPages ?? os.availableParallelism());
  }

  /** Resolves the browser path without launching, so a missing browser is reported up front. */
  locate(): FoundBrowser {
    this.found ??= findBrowser(this.options.browserPath);
    return this.found;
  }

  get launched(): boolean {
    return this.launching !== undefined;
  }

  private async launch(): Promise<Browser> {
    const found = this.locate();
    debug('launching %s (found via %s)', found.path, found.source);
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    this.stats.launches++;
    try {
      // Imported here, not at the top: loading Puppeteer costs more than a whole HTML-only build.
      const { default: puppeteer } = await import('puppeteer');
      return await puppeteer.launch({
        executablePath: found.path,
        headless: true,
        args: [...CHROMIUM_ARGS, ...(root ? ['--no-sandbox'] : [])],
        timeout: this.timeout,
        protocolTimeout: this.timeout * 2,
        // Puppeteer's own handlers would exit at once on Ctrl-C, before staged files are removed;
        // the CLI aborts the run instead, and the session closes the browser on its way out.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      fail('browser-launch', `could not start ${found.path}: ${launchFailure((error as Error).message)}`, { exitCode: EXIT.noBrowser, cause: error });
    }
  }

  browser(): Promise<Browser> {
    if (!this.launching) {
      this.stopping = false;
      this.launching = this.launch();
      this.launching.catch(() => (this.launching = undefined));
    }
    return this.launching;
  }

  /**
   * Runs `fn` on a fresh page. If Chromium or the page crashes under it, the browser is relaunched
   * and `fn` runs once more (after `onRetry`); a second crash is final. A stop via `close()` is
   * never mistaken for a crash. Briefs and the chunks of a large deck all ask for pages here, so at
   * most `maxPages` renderers compete for the cores whatever asks; `fn` must not itself call
   * `withPage`, or it could wait for a slot it holds.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>, onRetry?: (reason: string) => void): Promise<T> {
    await this.takeSlot();
    try {
      return await this.withFreshPage(fn, onRetry);
    } finally {
      this.slotsInUse--;
      this.waiting.shift()?.();
    }
  }

  private async takeSlot(): Promise<void> {
    if (this.slotsInUse < this.maxPages) {
      this.slotsInUse++;
      return;
    }
    // Counted when handed over (synchronously, in the releasing call), so no newcomer slips in between.
    await new Promise<void>((resolve) =>
      this.waiting.push(() => {
        this.slotsInUse++;
        resolve();
      }),
    );
  }

  private async withFreshPage<T>(fn: (page: Page) => Promise<T>, onRetry?: (reason: string) => void): Promise<T> {
    const first = await this.attempt(fn);
    if (first.ok) return first.value;
    if (!first.crashed || this.stopping) throw first.error;
    const reason = first.crashed;
    debug('%s; relaunching once', reason);
    await this.close();
    this.stopping = false;
    onRetry?.(reason);
    const second = await this.attempt(fn);
    if (second.ok) return second.value;
    throw second.error;
  }

  private async attempt<T>(fn: (page: Page) => Promise<T>): Promise<Attempt<T>> {
    const browser = await this.browser();
    let crashed: string | undefined;
    const onDisconnect = (): void => void (crashed ??= 'Chromium exited unexpectedly');
    browser.once('disconnected', onDisconnect);
    let page: Page | undefined;
    try {
      page = await browser.newPage();
      this.stats.peakPages = Math.max(this.stats.peakPages, ++this.openPages);
      debug('page opened (%d open)', this.openPages);
      page.once('error', () => void (crashed ??= 'the page crashed'));
      page.setDefaultTimeout(this.timeout);
      return { ok: true, value: await fn(page) };
    } catch (error) {
      // Puppeteer reports a page crash just after the call it broke fails; give it a moment.
      if (!crashed) await sleep(CRASH_NOTICE_MS);
      return { ok: false, error, crashed };
    } finally {
      browser.off('disconnected', onDisconnect);
      if (page) this.openPages--;
      // A hung page may never answer `close`; the browser's own close ends it then.
      if (page) await Promise.race([page.close().catch(() => undefined), sleep(PAGE_CLOSE_MS, undefined, { ref: false })]);
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const browser = await launching.catch(() => undefined);
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
