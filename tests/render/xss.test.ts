import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
let session: BrowserSession;
let payloads: string[];

/** Front matter and headings that try to break out of the templates. */
const INJECTION = `---
title: "</title><script>__pwned('title')</script>"
subtitle: '"><img src=x onerror="__pwned(''subtitle'')">'
short_title: "<img src=x onerror=__pwned('short-title')>"
authors:
  - name: "<script>__pwned('author')</script>"
    affiliation: "<svg onload=__pwned('affiliation')>"
date: "<img src=x onerror=__pwned('date')>"
---

`;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  session = workerBrowser();
  payloads = (await readFile(fixture('xss/payloads.txt'), 'utf8')).split(/\n%%\n/).map((p) => p.trim()).filter(Boolean);
  const body = payloads.map((p, i) => `## <img src=x onerror="__pwned('heading-${i + 1}')"> Payload ${i + 1}\n\n${p}\n`).join('\n');
  await writeFile(path.join(dir, 'xss.md'), `${INJECTION}${body}`);
});
afterAll(async () => {
  await remove();
});

const TIMEOUT = 300_000;

interface Probe {
  pwned: string[];
  dialogs: string[];
  requests: string[];
}

/**
 * Shows every slide, then clicks every link and button and fires mouse events on every element, as
 * a reader moving through the deck would: handlers and `javascript:` URLs get their chance to run.
 */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(url.includes('print-pdf') ? 'html[data-pdf-ready]' : 'html[data-deck-ready]');
  await page
    .evaluate(async () => {
      const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; slide(h: number): void } }).Reveal;
      for (let i = 0; i < reveal.getTotalSlides(); i++) reveal.slide(i);
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('.slides *'))) {
        for (const type of ['mouseover', 'mouseenter', 'focus']) el.dispatchEvent(new Event(type));
        if (el.matches('a:not([href^="http"]), button')) el.click();
      }
      // Error and load handlers run when their resource settles: wait for every one, then a frame.
      const media = Array.from(document.querySelectorAll<HTMLImageElement | HTMLMediaElement | HTMLIFrameElement>('img, video, audio, source, iframe, object, embed, link, script'));
      await Promise.all(media.map((el) => ((el as HTMLImageElement).complete === true ? undefined : new Promise((resolve) => {
        el.addEventListener('load', resolve, { once: true });
        el.addEventListener('error', resolve, { once: true });
        // Elements that never fetch (nothing to load, or refused before) fire neither: a frame is enough for them.
        requestAnimationFrame(() => requestAnimationFrame(resolve));
      }))));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    })
    .catch(() => undefined); // a trusted deck may navigate away mid-way
}

async function probeDeck(outDir: string, allowHtml: boolean): Promise<Probe & { handlers: number; scripts: number }> {
  await buildDeck(path.join(dir, 'xss.md'), { outDir: path.join(dir, outDir), allowHtml });
  const file = path.join(dir, outDir, 'xss', 'index.html');
  const probe: Probe = { pwned: [], dialogs: [], requests: [] };
  return session.withPage(async (page) => {
    await page.exposeFunction('__pwned', (what: string) => void probe.pwned.push(what));
    page.on('dialog', (d) => void (probe.dialogs.push(d.message()), d.dismiss()));
    page.on('request', (r) => {
      if (!/^(?:file|data|about|blob):/.test(r.url())) probe.requests.push(r.url());
    });
    await visit(page, pathToFileURL(file).href);
    await visit(page, `${pathToFileURL(file).href}?print-pdf`);
    const dom = await page.evaluate(() => ({
      handlers: Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name) || /^\s*(?:javascript|data:text)/i.test(a.value))).length,
      scripts: document.querySelectorAll('script').length,
    }));
    return { ...probe, ...dom };
  });
}

describe('XSS payload catalogue in real Chromium', () => {
  it('runs no script from any payload, front matter or heading (sanitized by default)', async () => {
    const result = await probeDeck('safe', false);
    expect(payloads.length).toBeGreaterThanOrEqual(40);
    expect(result).toEqual({ pwned: [], dialogs: [], requests: [], handlers: 0, scripts: 3 });
    const html = await readFile(path.join(dir, 'safe', 'xss', 'index.html'), 'utf8');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;__pwned(&#x27;title&#x27;)&lt;/script&gt;</title>');
  }, TIMEOUT);

  it('the probe works: with --allow-html the same catalogue does run (a control for the test above)', async () => {
    const result = await probeDeck('trusted', true);
    expect(result.pwned).toEqual(expect.arrayContaining(['script', 'svg-onload', 'div-script', 'body-onload', 'details-toggle']));
    expect(result.pwned).not.toEqual(expect.arrayContaining(['title', 'subtitle', 'author', 'date']));
  }, TIMEOUT);
});
