import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** Set in Chromium's environment, which its helper processes inherit: how the watchdog finds them all. */
export const MARK_VARIABLE = 'BRIEFDECK_BROWSER_OF';

/**
 * Chromium started over a WebSocket outlives a briefdeck killed by `kill -9`: nothing tells it.
 * (Over a pipe it would exit with us, but Puppeteer then loses a failed start's exit code and
 * stderr, which the launch error quotes.) So a tiny shell process, started before Chromium, holds
 * the read end of a pipe from briefdeck. A word on the pipe means Chromium was closed by us: it
 * leaves. The pipe closing without one means briefdeck is gone, however it died: it kills every
 * process carrying the mark (/proc, Linux), Chromium's helpers and crash handlers included, twice
 * for those started during the first sweep, then leaves. Event-driven: it waits on the pipe, it
 * does not poll. POSIX sh and grep (both in every Debian base system), not Node: a launch starts
 * one, and a Node process costs a tenth of a second of CPU to start, a shell a millisecond.
 */
const SCRIPT = [
  'IFS= read -r word',
  '[ -n "$word" ] && exit 0',
  'for round in 1 2; do',
  '  for file in $(grep -lsxzF -e "$1" /proc/[0-9]*/environ); do pid=${file#/proc/}; kill -9 "${pid%/environ}" 2>/dev/null; done',
  'done',
  'exit 0',
].join('\n');

export interface Watchdog {
  /** What to add to Chromium's environment. */
  env: Record<string, string>;
  /** Chromium was closed by us, or never started: the watchdog leaves without killing anything. */
  release(): void;
  /**
   * A start that failed: the watchdog kills what it started now, as if briefdeck had died.
   * Puppeteer would otherwise leave a browser that hangs at launch running for five more seconds,
   * keeping briefdeck from exiting after it has reported the failure.
   */
  sweep(): void;
}

export function startWatchdog(): Watchdog {
  const mark = randomUUID();
  const child = spawn('/bin/sh', ['-c', SCRIPT, 'briefdeck-watchdog', `${MARK_VARIABLE}=${mark}`], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  child.on('error', () => undefined);
  child.stdin.on('error', () => undefined);
  // Neither the process nor its pipe keeps briefdeck running.
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  let ended = false;
  // A word on the pipe: leave quietly; the pipe closed without one: kill what carries the mark.
  const end = (word?: string): void => {
    if (ended) return;
    ended = true;
    if (!child.stdin.destroyed) child.stdin.end(word);
  };
  return {
    env: { [MARK_VARIABLE]: mark },
    release: () => end('x'),
    sweep: () => end(),
  };
}
