import type { Page } from 'puppeteer';
import type { BrowserSession } from './browser-session.js';

export interface PageJobOptions {
  /** What the pages are for, e.g. `PDF export of content/x.md`: named when the browser cannot start. */
  job?: string;
  /** Once for each page opened (event forwarding, viewport), before its first job. */
  setup?: (page: Page) => Promise<void>;
  /** Told when Chromium crashed and the interrupted job runs again in a relaunched one. */
  onRetry?: (reason: string) => void;
}

/**
 * Runs jobs `0 … count-1` in as many pages at once as the session allows, each page taking the
 * next job when it is done with one: a page is reused, since opening one costs a renderer process
 * start, about as much as laying out a hundred slides. Results come back in job order. The first
 * failure stops the taking of new jobs and is thrown once the running ones have settled.
 */
export async function runOnPages<T>(session: BrowserSession, count: number, job: (page: Page, index: number) => Promise<T>, options: PageJobOptions = {}): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const lane = async (): Promise<void> => {
    // Kept across a crash-and-retry of withPage, so the interrupted job is redone, not skipped.
    let current: number | undefined;
    await session.withPage(async (page) => {
      await options.setup?.(page);
      for (;;) {
        current ??= next < count ? next++ : undefined;
        if (current === undefined) return;
        results[current] = await job(page, current);
        current = undefined;
      }
    }, { job: options.job, onRetry: options.onRetry });
  };
  const lanes = Array.from({ length: Math.min(session.maxPages, count) }, () =>
    lane().catch((error: unknown) => {
      next = count;
      throw error;
    }),
  );
  const settled = await Promise.allSettled(lanes);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}

/**
 * Slides per chunk when a large deck is laid out or printed in parts. Chromium's print time grows
 * faster than the page count (about 6 ms a page at 250–500 pages, 9–13 ms at 1,000, more beyond),
 * while each chunk costs a page load, reveal's start and a merge of its own. Measured on 2 cores:
 * 448 slides print faster in one job (6.0–6.6 s) than in two (8.4–9.6 s); 1,118 slides and
 * 4,440 print fastest in chunks of about 400–600 (4,440: 34 s in chunks of 500, 36 s of 250).
 */
export const CHUNK_SLIDES = 500;

/** Consecutive slides `[start, end)`. */
export interface SlideRange {
  start: number;
  end: number;
}

/** `count` slides in even chunks of at most `size` (one chunk when they fit in one). */
export function chunkRanges(count: number, size: number = CHUNK_SLIDES): SlideRange[] {
  const chunks = Math.max(1, Math.ceil(count / Math.max(1, size)));
  const each = Math.ceil(count / chunks);
  return Array.from({ length: chunks }, (_, i) => ({ start: i * each, end: Math.min(count, (i + 1) * each) })).filter((r) => r.end > r.start);
}
