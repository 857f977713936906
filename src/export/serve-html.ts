import type { HTTPRequest, Page } from 'puppeteer';

/**
 * Serves `html` at `url` from memory in `page`: nothing is written to disk for a page that is only
 * laid out. data: URLs load as usual; anything else is refused, as it would be offline (a deck is
 * self-contained).
 */
export async function serveHtml(page: Page, url: string, html: string): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest): void => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url() === url) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else if (request.url().startsWith('data:')) void request.continue();
    else void request.abort();
  });
}
