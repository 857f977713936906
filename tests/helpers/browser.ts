import { BrowserSession } from '../../src/browser/browser-session.js';
import { findBrowser } from '../../src/browser/find-browser.js';

/**
 * Browser tests never skip: without a browser they fail here, saying how to get one.
 * One session per test file, closed in afterAll.
 */
export function testBrowser(): BrowserSession {
  const found = findBrowser();
  return new BrowserSession({ browserPath: found.path, timeout: 60_000 });
}
