import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT, fail } from '../errors.js';

export interface FoundBrowser {
  path: string;
  /** How it was found, for `--verbose` and error messages. */
  source: 'flag' | 'BRIEFDECK_BROWSER' | 'PUPPETEER_EXECUTABLE_PATH' | 'system' | 'puppeteer-cache';
}

/** Known install locations, in the order they are tried. */
export const SYSTEM_BROWSERS: Record<string, readonly string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

export const INSTALL_HINT =
  'Install one with `npm run setup` (on Debian/Ubuntu as root it runs `apt-get install -y chromium`), ' +
  'or point briefdeck at a Chrome or Chromium with --browser PATH or BRIEFDECK_BROWSER=PATH.';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    // A folder is "executable" (searchable) too, but cannot be launched.
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Chrome builds under Puppeteer's cache (`~/.cache/puppeteer` or PUPPETEER_CACHE_DIR), newest first. */
function puppeteerCache(env: NodeJS.ProcessEnv): string[] {
  const root = path.join(env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer'), 'chrome');
  if (!existsSync(root)) return [];
  const names = ['chrome-linux64/chrome', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-win64/chrome.exe'];
  return readdirSync(root)
    .sort()
    .reverse()
    .flatMap((version) => names.map((n) => path.join(root, version, n)));
}

/**
 * Finds a browser in the documented order: `--browser`, then BRIEFDECK_BROWSER, then
 * PUPPETEER_EXECUTABLE_PATH, then known system paths, then Puppeteer's own cache.
 * A path given explicitly must work: it is never silently passed over.
 */
export function findBrowser(flag?: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): FoundBrowser {
  const explicit: Array<[FoundBrowser['source'], string | undefined]> = [
    ['flag', flag],
    ['BRIEFDECK_BROWSER', env.BRIEFDECK_BROWSER],
    ['PUPPETEER_EXECUTABLE_PATH', env.PUPPETEER_EXECUTABLE_PATH],
  ];
  for (const [source, value] of explicit) {
    if (!value) continue;
    if (executable(value)) return { path: value, source };
    const from = source === 'flag' ? '--browser' : source;
    fail('browser-not-found', `the browser given by ${from} (${value}) does not exist or is not executable. ${INSTALL_HINT}`, { exitCode: EXIT.noBrowser });
  }
  for (const candidate of SYSTEM_BROWSERS[platform] ?? []) {
    if (executable(candidate)) return { path: candidate, source: 'system' };
  }
  for (const candidate of puppeteerCache(env)) {
    if (executable(candidate)) return { path: candidate, source: 'puppeteer-cache' };
  }
  fail('no-browser', `no Chrome or Chromium found for PDF export. ${INSTALL_HINT}`, { exitCode: EXIT.noBrowser });
}
