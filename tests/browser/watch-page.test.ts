import { EventEmitter } from 'node:events';
import type { Browser, Page } from 'puppeteer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BROWSER_EXITED, PAGE_CRASHED, PageWatch, patienceFor } from '../../src/browser/watch-page.js';

// Stand-ins with just what PageWatch uses: events, `connected`, `evaluate`.
function stubs(evaluate: () => Promise<unknown>) {
  const browser = Object.assign(new EventEmitter(), { connected: true });
  const page = Object.assign(new EventEmitter(), { evaluate });
  return { browser, page, watch: (patienceMs: number) => new PageWatch(browser as unknown as Browser, page as unknown as Page, patienceMs) };
}
const never = () => new Promise<never>(() => undefined);
// Ten minutes: longer than any test may run, so a verdict that came from waiting could not arrive.
const FOREVER = 600_000;

describe('PageWatch: a page\'s state after a failure, by asking it rather than by waiting', () => {
  it('a live page answers: no crash, told at once', async () => {
    const { watch } = stubs(async () => true);
    expect(await watch(FOREVER).afterFailure()).toEqual({ answers: true });
  });

  it('a crashed page never answers; its crash notice, however late, gives the verdict', async () => {
    const { page, watch } = stubs(never);
    const watching = watch(FOREVER);
    const state = watching.afterFailure();
    setTimeout(() => page.emit('error', new Error('Page crashed!')), 50);
    expect(await state).toEqual({ answers: false, crashed: PAGE_CRASHED });
  });

  it('a browser whose connection is closed has exited, whatever it says', async () => {
    const { browser, watch } = stubs(never);
    browser.connected = false;
    expect(await watch(FOREVER).afterFailure()).toEqual({ answers: false, crashed: BROWSER_EXITED });
  });

  it('a page stuck in a script neither answers nor crashes: stuck once its patience runs out', async () => {
    const { watch } = stubs(never);
    expect(await watch(50).afterFailure()).toEqual({ answers: false });
  });

  describe('asked ahead of a deadline (on a fake clock)', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('a page still silent at the deadline is stuck at once', async () => {
      let asked = 0;
      const { watch } = stubs(() => (asked++, never()));
      const watching = watch(FOREVER);
      // The deadline is one patience away: it asks now, and at the deadline has waited it out.
      watching.askAhead(FOREVER);
      vi.advanceTimersByTime(FOREVER);
      expect([await watching.afterFailure(), asked]).toEqual([{ answers: false }, 1]);
    });

    it('a page that hangs once the step is under way is still told stuck at the deadline, even with a short --timeout', async () => {
      const step = 2_000;
      const begun = Date.now();
      // It answers while it loads, then its script loops forever.
      const { watch } = stubs(() => (Date.now() - begun < step / 4 ? Promise.resolve(true) : never()));
      const watching = watch(patienceFor(step));
      watching.askAhead(step);
      await vi.advanceTimersByTimeAsync(step);
      let state: unknown;
      void watching.afterFailure().then((s) => (state = s));
      // No clock runs from here on: a verdict that needs more waiting does not come.
      await vi.advanceTimersByTimeAsync(0);
      expect(state).toEqual({ answers: false });
    });

    it('a page that answered is asked again after a failure, and answers', async () => {
      let asked = 0;
      const { watch } = stubs(async () => ++asked);
      const watching = watch(FOREVER);
      watching.askAhead(FOREVER);
      await vi.advanceTimersByTimeAsync(FOREVER);
      expect([await watching.afterFailure(), asked]).toEqual([{ answers: true }, 2]);
    });
  });

  it('is asked once: a step and the session get the same verdict', async () => {
    let asked = 0;
    const { watch } = stubs(async () => ++asked);
    const watching = watch(FOREVER);
    expect([await watching.afterFailure(), await watching.afterFailure(), asked]).toEqual([{ answers: true }, { answers: true }, 1]);
  });

  it('reports a death while a step runs, as a promise the step can race', async () => {
    const { browser, watch } = stubs(never);
    const watching = watch(FOREVER);
    browser.emit('disconnected');
    expect(await watching.gone).toBe(BROWSER_EXITED);
  });
});
