import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefdeckError, EXIT } from '../../src/errors.js';
import { findBrowser, SYSTEM_BROWSERS } from '../../src/browser/find-browser.js';
import { tempDir } from '../helpers/fixtures.js';

let tmp: { dir: string; remove: () => Promise<void> };
let fake: string;
let other: string;

async function executable(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  tmp = await tempDir();
  fake = await executable(path.join(tmp.dir, 'bin', 'my-chrome'));
  other = await executable(path.join(tmp.dir, 'bin', 'other-chrome'));
});
afterAll(() => tmp.remove());

function thrown(fn: () => unknown): BriefdeckError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BriefdeckError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('findBrowser order', () => {
  it('prefers --browser over the environment', () => {
    expect(findBrowser(fake, { BRIEFDECK_BROWSER: other })).toEqual({ path: fake, source: 'flag' });
  });

  it('then BRIEFDECK_BROWSER, then PUPPETEER_EXECUTABLE_PATH', () => {
    expect(findBrowser(undefined, { BRIEFDECK_BROWSER: fake, PUPPETEER_EXECUTABLE_PATH: other })).toEqual({ path: fake, source: 'BRIEFDECK_BROWSER' });
    expect(findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: other })).toEqual({ path: other, source: 'PUPPETEER_EXECUTABLE_PATH' });
  });

  it('then the Puppeteer cache when no system browser exists', async () => {
    const cache = path.join(tmp.dir, 'cache');
    const chrome = await executable(path.join(cache, 'chrome', 'linux-131.0.0', 'chrome-linux64', 'chrome'));
    expect(findBrowser(undefined, { PUPPETEER_CACHE_DIR: cache }, 'aix')).toEqual({ path: chrome, source: 'puppeteer-cache' });
  });

  it('lists the system paths it tries on Linux, Debian\'s chromium first', () => {
    expect(SYSTEM_BROWSERS.linux[0]).toBe('/usr/bin/chromium');
  });

  it('refuses an explicit path that does not work, with exit code 3', () => {
    const error = thrown(() => findBrowser('/nowhere/chrome', {}));
    expect(error.exitCode).toBe(EXIT.noBrowser);
    expect(error.message).toMatch(/^the browser given by --browser \(\/nowhere\/chrome\) does not exist or is not executable\. Install one with `npm run setup`/);
    expect(thrown(() => findBrowser(undefined, { BRIEFDECK_BROWSER: '/nowhere' })).message).toContain('given by BRIEFDECK_BROWSER');
  });

  it('says how to install one when none is found', () => {
    const error = thrown(() => findBrowser(undefined, { PUPPETEER_CACHE_DIR: path.join(tmp.dir, 'empty') }, 'aix'));
    expect(error.code).toBe('no-browser');
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('apt-get install -y chromium');
  });
});
