import createDebug from 'debug';
import type { Browser, Page } from 'puppeteer';
import { EXIT, fail } from '../errors.js';
import { findBrowser, type FoundBrowser } from './find-browser.js';

const debug = createDebug('briefdeck:export');

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
}

/**
 * One browser per run, launched on first use and shared by every brief; closed on every path
 * through `close()` (or `await using`).
 */
export class BrowserSession implements AsyncDisposable {
  private launching?: Promise<Browser>;
  private found?: FoundBrowser;
  private openPages = 0;
  readonly timeout: number;
  /** How many times a browser was started, and the most pages open at once: one and ≤ cores for a run. */
  readonly stats = { launches: 0, peakPages: 0 };

  constructor(private readonly options: BrowserOptions = {}) {
    this.timeout = options.timeout ?? 60_000;
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
      });
    } catch (error) {
      fail('browser-launch', `could not start ${found.path}: ${(error as Error).message.split('\n')[0]}`, { exitCode: EXIT.noBrowser, cause: error });
    }
  }

  browser(): Promise<Browser> {
    if (!this.launching) {
      this.launching = this.launch();
      this.launching.catch(() => (this.launching = undefined));
    }
    return this.launching;
  }

  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.browser();
    const page = await browser.newPage();
    page.setDefaultTimeout(this.timeout);
    this.stats.peakPages = Math.max(this.stats.peakPages, ++this.openPages);
    debug('page opened (%d open)', this.openPages);
    try {
      return await fn(page);
    } finally {
      this.openPages--;
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
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
