import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { findBrowser } from '../../src/browser/find-browser.js';

describe('BrowserSession page slots', () => {
  it('opens at most maxPages pages at once however many ask, and serves every caller', async () => {
    await using session = new BrowserSession({ browserPath: findBrowser().path, timeout: 30_000, maxPages: 2 });
    let open = 0;
    let peak = 0;
    const jobs = Array.from({ length: 5 }, (_, i) =>
      session.withPage(async (page) => {
        peak = Math.max(peak, ++open);
        await page.setContent(`<title>job ${i}</title>`);
        // Opening a page takes a while: each job waits (a bounded time) for company, so the
        // figure shows how many may be open at once, not how fast pages open.
        for (let waited = 0; open < 2 && waited < 3_000; waited += 20) await sleep(20);
        await sleep(50);
        const title = await page.title();
        open--;
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
