import type { Browser } from 'puppeteer';
import { EXIT, fail } from '../errors.js';
import type { FoundBrowser } from './find-browser.js';
import { startWatchdog } from './watchdog.js';

/** Flags for headless Chromium on servers and in containers; see the README's notes on browsers. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Headless Chromium still loads the address bar's popup pages (chrome://omnibox-popup.top-chrome)
  // at start: 0.6 s of CPU a launch, about half of what starting it costs, for a window never shown.
  // Puppeteer merges this list with its own --disable-features.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  // With the GPU disabled its process only composites, in software: as a thread of the browser
  // process it saves a process start, about a tenth of a launch's CPU. Pages render as before.
  '--in-process-gpu',
];

/** Puppeteer's launch error, cut to what a user can act on: the exit code and the browser's own words. */
function launchFailure(message: string): string {
  const code = /Code: (\d+)/.exec(message)?.[1];
  const stderr = /stderr:\n([\s\S]*?)(?:\n\n|\nTROUBLESHOOTING|$)/.exec(message)?.[1].trim().split('\n').filter(Boolean).slice(-2).join(' / ');
  if (code || stderr) return `it exited${code ? ` with code ${code}` : ''}${stderr ? `: ${stderr}` : ''}`;
  return message.split('\n')[0];
}

/** Starts `found` headless (without a sandbox as root, which Chromium requires), or fails saying why, for `job`. */
export async function launchBrowser(found: FoundBrowser, timeout: { launch: number; step: number }, job?: string, signal?: AbortSignal): Promise<Browser> {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // Started first: a kill -9 while Chromium starts must not leave it running either.
  const watchdog = startWatchdog();
  try {
    // Imported here, not at the top: loading Puppeteer costs more than a whole HTML-only build.
    const { default: puppeteer } = await import('puppeteer');
    const browser = await puppeteer.launch({
      executablePath: found.path,
      headless: true,
      env: { ...process.env, ...watchdog.env },
      args: [...CHROMIUM_ARGS, ...(root ? ['--no-sandbox'] : [])],
      timeout: timeout.launch,
      // Steps own their time limits (browser-step.ts); this only catches a protocol call that never answers.
      protocolTimeout: Math.max(timeout.launch, timeout.step) * 2,
      // Aborted by a stop (Ctrl-C) while Chromium starts: Puppeteer kills it rather than wait for it.
      signal,
      // Puppeteer's own handlers would exit at once on Ctrl-C, before staged files are removed;
      // the CLI aborts the run instead, and the session closes the browser on its way out.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // Chromium must not outlive briefdeck, even one killed by kill -9 (watchdog.ts).
    browser.once('disconnected', () => watchdog.release());
    return browser;
  } catch (error) {
    watchdog.sweep();
    const forJob = job ? ` for the ${job}` : '';
    fail('browser-launch', `could not start ${found.path}${forJob}: ${launchFailure((error as Error).message)}`, { exitCode: EXIT.noBrowser, cause: error });
  }
}
