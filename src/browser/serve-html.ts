import type { HTTPRequest, Page } from 'puppeteer';

/** What each page serves: one handler per page, whose HTML a reused page's next load replaces. */
const served = new WeakMap<Page, { url: string; html: string }>();

/**
 * Serves `html` at `url` from memory in `page` (replacing what it served before): nothing is
 * written to disk for a page that is only laid out. data: URLs load as usual; anything else is
 * refused, as it would be offline (a deck is self-contained).
 */
export async function serveHtml(page: Page, url: string, html: string): Promise<void> {
  const known = served.has(page);
  served.set(page, { url, html });
  if (known) return;
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest): void => {
    if (request.isInterceptResolutionHandled()) return;
    const route = served.get(page);
    if (route && request.url() === route.url) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.html });
    else if (request.url().startsWith('data:')) void request.continue();
    else void request.abort();
  });
}
