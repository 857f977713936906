import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

/** An environment variable that marks every process a test starts, Chromium's helpers included. */
export const TAG_VARIABLE = 'BRIEFDECK_TEST_TAG';

export function newTag(): string {
  return randomUUID();
}

/**
 * Live processes carrying `tag` in their environment (Linux /proc): children inherit it, so
 * this finds a test's Chromium processes even after their parent has gone.
 */
export function taggedProcesses(tag: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const status = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z /.test(status)) continue; // a zombie holds no resources; its parent reaps it
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`${TAG_VARIABLE}=${tag}`)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Polls until `test` holds or `ms` pass; returns whether it held. */
export async function waitFor(test: () => boolean, ms: number, every = 50): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return test();
}
