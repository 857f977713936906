import { BrowserSession } from '../../src/browser/browser-session.js';
import { findBrowser } from '../../src/browser/find-browser.js';

/**
 * A browser session of its own, for a file that counts its launches, pages or loads, or closes or
 * stops it: closed in the file's afterAll. Browser tests never skip: without a browser they fail
 * here, saying how to get one.
 */
export function testBrowser(): BrowserSession {
  const found = findBrowser();
  return new BrowserSession({ browserPath: found.path, timeout: 60_000 });
}

let shared: BrowserSession | undefined;

/**
 * The session of this test worker, for a file that only needs a browser: the files of a worker share
 * its loaded modules (vitest.config.ts), so Chromium starts once a worker instead of once a file,
 * and a start costs about a CPU-second. A file never closes it; Chromium ends with the worker
 * (Puppeteer kills it at exit, and the watchdog if the worker is killed).
 */
export function workerBrowser(): BrowserSession {
  shared ??= testBrowser();
  return shared;
}
