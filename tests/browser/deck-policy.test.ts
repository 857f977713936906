import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { workerBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/fixtures.js';

/**
 * The Content-Security-Policy of a written deck, in real Chromium from file://: the deck's own
 * scripts run (reveal.js starts, slides move, the speaker view and the print view work); a script
 * that reaches the page any other way does not.
 */

let dir: string;
let remove: () => Promise<void>;
let session: BrowserSession;
const TIMEOUT = 120_000;

const BRIEF = `---
title: Policy
---

## One

Text one.

<!-- notes: Said on slide one. -->

## Two

Text two.
`;

/** Who ran: scripts that get in call __pwned (exposed through CDP, which the policy does not govern). */
async function open(page: Page, url: string, ready: string): Promise<{ pwned: string[]; refused: string[] }> {
  const pwned: string[] = [];
  const refused: string[] = [];
  await page.exposeFunction('__pwned', (what: string) => void pwned.push(what));
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) refused.push(m.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(ready);
  return { pwned, refused };
}

async function deckFile(name: string, extra: { theme?: string } = {}): Promise<string> {
  const file = path.join(dir, `${name}.md`);
  const front = extra.theme ? `theme: ${extra.theme}\n` : '';
  await writeFile(file, BRIEF.replace('title: Policy\n', `title: Policy\n${front}`));
  await buildDeck(file, { outDir: path.join(dir, 'dist'), fit: false, diagnostics: new Diagnostics() });
  return path.join(dir, 'dist', name, 'index.html');
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  session = workerBrowser();
});
afterAll(async () => {
  await remove();
});

describe('the deck\'s Content-Security-Policy in real Chromium (file://)', () => {
  it('is in the deck: no network, scripts by hash only', async () => {
    const html = await readFile(await deckFile('meta'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/^default-src 'none'; script-src( 'sha256-[A-Za-z0-9+/]+=*'){4}; style-src 'unsafe-inline' data:; img-src data:; font-src data:; frame-src 'self'; connect-src 'none'/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('runs the deck\'s own scripts: reveal.js starts, slides move, nothing is refused', async () => {
    const file = await deckFile('own');
    await session.withPage(async (page) => {
      const probe = await open(page, pathToFileURL(file).href, 'html[data-deck-ready]');
      const at = await page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: { next(): void; getIndices(): { h: number } } }).Reveal;
        reveal.next();
        return reveal.getIndices().h;
      });
      expect(at).toBe(1);
      expect(probe).toEqual({ pwned: [], refused: [] });
    });
  }, TIMEOUT);

  it('does not run an inline script or handler without a hash that got into the page', async () => {
    const file = await deckFile('injected');
    const html = await readFile(file, 'utf8');
    const end = html.lastIndexOf('</body>');
    await writeFile(file, html.slice(0, end) + `<script>__pwned('script')</script><img src="data:," onerror="__pwned('handler')"><a id="js" href="javascript:__pwned('link')">x</a>` + html.slice(end));
    await session.withPage(async (page) => {
      const probe = await open(page, pathToFileURL(file).href, 'html[data-deck-ready]');
      await page.evaluate(() => document.getElementById('js')?.click());
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(probe.pwned).toEqual([]);
      expect(probe.refused.length).toBeGreaterThanOrEqual(2);
    });
  }, TIMEOUT);

  it('the print view lays out (reveal.js\'s pdf-ready), notes pages included', async () => {
    const file = await deckFile('print');
    await session.withPage(async (page) => {
      const probe = await open(page, `${pathToFileURL(file).href}?print-pdf&showNotes=separate-page`, 'html[data-pdf-ready]');
      const counts = await page.evaluate(() => ({ pages: document.querySelectorAll('.pdf-page').length, notes: document.querySelectorAll('.speaker-notes-pdf').length }));
      expect(counts.pages).toBeGreaterThanOrEqual(3);
      expect(counts.notes).toBeGreaterThanOrEqual(1);
      expect(probe.refused).toEqual([]);
    });
  }, TIMEOUT);

  it('the speaker view opens and runs its script under the deck\'s policy', async () => {
    const file = await deckFile('speaker');
    await session.withPage(async (page) => {
      const probe = await open(page, `${pathToFileURL(file).href}#/one`, 'html[data-deck-ready]');
      const popup = new Promise<Page>((resolve) => page.once('popup', (p) => p && resolve(p)));
      await page.evaluate(() => (window as unknown as { Reveal: { getPlugin(n: string): { open(): void } } }).Reveal.getPlugin('notes').open());
      const view = await popup;
      // The speaker view's script puts the deck in two frames once the deck answers it.
      await view.waitForSelector('#current-slide iframe');
      await view.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes('Said on slide one'));
      expect(probe.refused).toEqual([]);
      await view.close();
    });
  }, TIMEOUT);
});

describe('a theme cannot close its <style> (real Chromium)', () => {
  it('</style><script> in a theme stays CSS text and runs nothing', async () => {
    await writeFile(path.join(dir, 'evil.css'), `.reveal { --x: 1; }\n</style><script>__pwned('theme')</script><style>\n.reveal.briefdeck .bd-heading { color: rgb(1, 2, 3); }\n</STYLE ><img src="data:," onerror="__pwned('img')">`);
    const file = await deckFile('theme', { theme: 'evil.css' });
    await session.withPage(async (page) => {
      const probe = await open(page, pathToFileURL(file).href, 'html[data-deck-ready]');
      const dom = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.querySelectorAll('head img, body > img').length }));
      expect(probe.pwned).toEqual([]);
      expect(dom).toEqual({ scripts: 3, images: 0 });
    });
  }, TIMEOUT);
});
