import os from 'node:os';

/** Called by a task to start no further tasks (tasks already running finish). */
export type Stop = () => void;

/**
 * Runs `task` over `items` with at most `limit` running at once, starting them in order. The first
 * error stops new tasks, lets running ones settle, and is then thrown: nothing is left running.
 */
export async function eachBounded<T>(items: readonly T[], limit: number, task: (item: T, stop: Stop) => Promise<void>): Promise<void> {
  let next = 0;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  const stop: Stop = () => {
    stopped = true;
  };
  const lane = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      const item = items[next++];
      try {
        await task(item, stop);
      } catch (error) {
        failure ??= { error };
        stopped = true;
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) throw failure.error;
}

/**
 * How many briefs to build at once. PDF export waits on Chromium, which prints each page in its own
 * renderer process, so briefs overlap up to the number of cores; HTML builds are bound by this one
 * thread and run in order.
 */
export function buildConcurrency(pdf: boolean, briefs: number): number {
  return pdf ? Math.max(1, Math.min(os.availableParallelism(), briefs)) : 1;
}
