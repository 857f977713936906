import type { HTTPRequest, Page } from 'puppeteer';
import type { Diagnostics } from '../diagnostics.js';

/** What a page may load: itself (from memory when `html` is given) and data: URLs; `blocked` hears of the rest. */
interface Route {
  url: string;
  html?: string;
  blocked?: (url: string) => void;
}

/** One route per page, which a reused page's next load replaces. */
const routes = new WeakMap<Page, Route>();

/** Requests the rule refused: reported once (as blocked-request), not again as failed. */
const refused = new WeakSet<HTTPRequest>();

export function wasBlocked(request: HTTPRequest): boolean {
  return refused.has(request);
}

/**
 * The one request rule of every page briefdeck opens in Chromium (measure, print, handout, notes
 * pages, PowerPoint geometry): the page itself and data: URLs load, anything else is refused and
 * told to `blocked`. A deck is self-contained and carries its own Content-Security-Policy; this is
 * the second wall, for what a policy would miss, so a brief can make briefdeck's own browser fetch
 * nothing from the network or the disk while it prints.
 */
export async function confinePage(page: Page, url: string, options: { html?: string; blocked?: (url: string) => void } = {}): Promise<void> {
  const known = routes.has(page);
  routes.set(page, { url: url.replace(/#.*$/s, ''), ...options });
  if (known) return;
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest): void => {
    if (request.isInterceptResolutionHandled()) return;
    const route = routes.get(page);
    const asked = request.url();
    if (route && asked === route.url) {
      if (route.html === undefined) void request.continue();
      else void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.html });
    } else if (asked.startsWith('data:')) void request.continue();
    else {
      refused.add(request);
      void request.abort('blockedbyclient');
      route?.blocked?.(asked);
    }
  });
}

/**
 * Serves `html` at `url` from memory in `page`, under the same rule: nothing is written to disk
 * for a page that is only laid out.
 */
export function serveHtml(page: Page, url: string, html: string, blocked?: (url: string) => void): Promise<void> {
  return confinePage(page, url, { html, blocked });
}

/**
 * Reports each refused URL once, as a warning located at the brief: `content/x.md:1 warning
 * blocked-request the PDF export tried to load http://…; …`.
 */
export function reportBlocked(diagnostics: Diagnostics, file: string, what: string): (url: string) => void {
  const seen = new Set<string>();
  return (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    const shown = url.length > 200 ? `${url.slice(0, 200)}…` : url;
    diagnostics.warn('blocked-request', `the ${what} tried to load ${shown}; refused, as a deck loads nothing but itself and data: URLs`, { file, line: 1 });
  };
}
