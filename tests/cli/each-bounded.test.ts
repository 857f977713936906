import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildConcurrency, eachBounded } from '../../src/cli/each-bounded.js';

/** Lets `turns` turns of the event loop pass (other tasks run meanwhile): an interleaving, not a sleep. */
const tick = async (turns: number): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('eachBounded', () => {
  it('never runs more than the limit at once, and starts tasks in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await eachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      peak = Math.max(peak, ++running);
      await tick(5 + (n % 3) * 5);
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('runs one at a time with a limit of 1', async () => {
    const log: string[] = [];
    await eachBounded(['a', 'b'], 1, async (s) => {
      log.push(`start ${s}`);
      await tick(5);
      log.push(`end ${s}`);
    });
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('starts nothing new after stop()', async () => {
    const seen: number[] = [];
    await eachBounded([1, 2, 3, 4], 1, async (n, stop) => {
      seen.push(n);
      if (n === 2) stop();
    });
    expect(seen).toEqual([1, 2]);
  });

  it('throws the first error only after running tasks have settled', async () => {
    let settled = false;
    const run = eachBounded([1, 2, 3], 2, async (n) => {
      if (n === 1) throw new Error('boom');
      await tick(20);
      settled = true;
    });
    await expect(run).rejects.toThrow('boom');
    expect(settled).toBe(true);
  });
});

describe('buildConcurrency', () => {
  it('builds HTML in order and exports PDFs in parallel up to the cores', () => {
    expect(buildConcurrency(false, 8)).toBe(1);
    expect(buildConcurrency(true, 1)).toBe(1);
    expect(buildConcurrency(true, 3)).toBe(Math.min(3, os.availableParallelism()));
    expect(buildConcurrency(true, 4096)).toBe(os.availableParallelism());
  });
});
