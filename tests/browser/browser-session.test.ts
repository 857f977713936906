import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { findBrowser } from '../../src/browser/find-browser.js';

describe('BrowserSession page slots', () => {
  it('opens at most maxPages pages at once however many ask, and serves every caller', async () => {
    await using session = new BrowserSession({ browserPath: findBrowser().path, timeout: 30_000, maxPages: 2 });
    let open = 0;
    let peak = 0;
    let waiting = 5;
    let wake: Array<() => void> = [];
    const jobs = Array.from({ length: 5 }, (_, i) =>
      session.withPage(async (page) => {
        peak = Math.max(peak, ++open);
        waiting--;
        for (const w of wake.splice(0)) w();
        await page.setContent(`<title>job ${i}</title>`);
        // Each job holds its page until a second one is open (while any job still waits for a
        // page): the peak then shows how many may be open at once, not how fast pages open.
        while (open < 2 && waiting > 0) await new Promise<void>((resolve) => wake.push(resolve));
        const title = await page.title();
        open--;
        for (const w of wake.splice(0)) w();
        return title;
      }),
    );
    expect(await Promise.all(jobs)).toEqual(['job 0', 'job 1', 'job 2', 'job 3', 'job 4']);
    expect(peak).toBe(2);
    expect(session.stats.peakPages).toBe(2);
  });

  it('frees the slot of a call that fails', async () => {
    await using session = new BrowserSession({ browserPath: findBrowser().path, timeout: 30_000, maxPages: 1 });
    await expect(session.withPage(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await session.withPage(async (page) => (await page.setContent('<title>after</title>'), page.title()))).toBe('after');
  });
});

describe('the browser a session starts', () => {
  it('runs no page but ours: Chromium\'s address-bar popup pages, half the cost of a launch, are not loaded', async () => {
    await using session = new BrowserSession({ browserPath: findBrowser().path, timeout: 30_000 });
    const targets = await session.withPage(async (page) => {
      const cdp = await page.browser().target().createCDPSession();
      try {
        return (await cdp.send('Target.getTargets')).targetInfos.map((t) => `${t.type} ${t.url}`);
      } finally {
        await cdp.detach();
      }
    });
    // Chromium's own first tab and ours: both blank pages, and nothing else.
    expect(new Set(targets)).toEqual(new Set(['page about:blank']));
  });
});
