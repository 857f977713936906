import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { workerBrowser } from '../helpers/browser.js';
import { Output } from '../helpers/output.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

// One real server (the CLI's `serve`) and one real Chromium for the whole file.
let session: BrowserSession;
let browser: Browser;
let page: Page;
let remove: () => Promise<void>;
let brief: string;
let address: string;
let served: Promise<number>;
const stop = new AbortController();
const out = new Output();
const err = new Output();

/**
 * Marks the page, runs `edit`, and waits until the page has caught up: reloaded (the mark is gone)
 * or had its slides swapped in place. Resolves to which of the two happened.
 */
async function updateAfter(edit: () => Promise<void>): Promise<'reloaded' | 'swapped'> {
  const stamp = await page.evaluate(() => {
    Object.assign(window, { __beforeReload: true });
    return document.documentElement.getAttribute('data-briefdeck-updated');
  });
  await edit();
  await page.waitForFunction(
    (before) => document.documentElement.hasAttribute('data-deck-ready') && (!('__beforeReload' in window) || document.documentElement.getAttribute('data-briefdeck-updated') !== before),
    { timeout: 20_000 },
    stamp,
  );
  return page.evaluate(() => ('__beforeReload' in window ? 'swapped' : 'reloaded'));
}

const currentId = (): Promise<string> => page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().id);

async function edit(from: string, to: string): Promise<void> {
  const text = await readFile(brief, 'utf8');
  expect(text).toContain(from);
  await writeFile(brief, text.replace(from, to));
}

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  await mkdir(path.join(temp.dir, 'content'));
  brief = path.join(temp.dir, 'content', 'brief.md');
  await copyFile(fixture('serve/brief.md'), brief);
  served = run(['serve', path.join(temp.dir, 'content'), '-o', path.join(temp.dir, 'dist'), '--port', '0'], {
    stdout: out.write,
    stderr: err.write,
    signal: stop.signal,
  });
  await out.until(/Serving at (http:\S+)/);
  address = /Serving at (http:\S+)/.exec(out.text)![1];
  await out.until(/Watching/);
  session = workerBrowser();
  browser = await session.browser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
});

afterAll(async () => {
  await page?.close();
  stop.abort('SIGINT');
  expect(await served).toBe(130);
  await remove?.();
});

describe('briefdeck serve', () => {
  it('serves the listing and the deck on 127.0.0.1, with the live client only in the served page', async () => {
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await (await fetch(address)).text();
    expect(index).toContain('Live reload brief');
    expect(index).toContain('href="brief/index.html"');
    const deck = await (await fetch(`${address}brief/`)).text();
    expect(deck).toContain('data-briefdeck-live');
    const written = await readFile(path.join(path.dirname(path.dirname(brief)), 'dist', 'brief', 'index.html'), 'utf8');
    expect(written).not.toContain('data-briefdeck-live');
  });

  it('serves only files inside a deck folder', async () => {
    expect((await fetch(`${address}brief/x%2F..%2F..%2F..%2Fcontent%2Fbrief.md`)).status).toBe(404);
    expect((await fetch(`${address}brief/.briefdeck-manifest.json`)).status).toBe(404);
    expect((await fetch(`${address}brief/%E0`)).status).toBe(400);
    expect((await fetch(`${address}nope/`)).status).toBe(404);
  });

  it('refuses other sites: a foreign Host (DNS rebinding) or a foreign Origin on the live socket', async () => {
    const { port } = new URL(address);
    const status = (headers: Record<string, string>, target = '/brief/'): Promise<number | undefined> =>
      new Promise((resolve) => {
        const req = request({ host: '127.0.0.1', port, path: target, headers }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', () => resolve(undefined));
        req.end();
      });
    expect(await status({ host: 'evil.example:80' })).toBe(403);
    expect(await status({ host: `localhost:${port}` })).toBe(200);
    const upgrade = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
    expect(await status({ ...upgrade, origin: 'https://evil.example' }, '/__briefdeck/live?deck=brief')).toBeUndefined();
  });

  it('updates on an edit and stays on the same slide', async () => {
    await page.goto(`${address}brief/#/context-p2`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-deck-ready]');
    expect(await currentId()).toBe('context-p2');
    // Only slides changed: they are swapped in, without reloading reveal.js.
    expect(await updateAfter(() => edit('MARKER-ONE', 'MARKER-TWO'))).toBe('swapped');
    expect(await currentId()).toBe('context-p2');
    expect(page.url()).toMatch(/#\/context-p2$/);
    expect(await page.$eval('#context-p2', (el) => el.textContent)).toContain('MARKER-TWO');
    await out.until(/1 changed \(context-p2\)/);
  });

  it('lands on the nearest slide when the one shown is gone', async () => {
    // Renaming the heading changes every id of the section; the viewer keeps the same part.
    expect(await updateAfter(() => edit('## Context', '## Background'))).toBe('swapped');
    expect(await currentId()).toBe('background-p2');
    expect(await page.$eval('#background-p2', (el) => el.classList.contains('present'))).toBe(true);
  });

  it('shows a located error over the last good deck, and the deck again once fixed', async () => {
    await edit('title: Live reload brief', 'title: [Live reload brief');
    const overlay = await page.waitForSelector('#briefdeck-error', { timeout: 20_000 });
    expect(await overlay!.evaluate((el) => el.textContent)).toMatch(/brief\.md:\d+:\d+: invalid YAML/);
    expect(await currentId()).toBe('background-p2');
    await err.until(/brief\.md:\d+:\d+: invalid YAML.*still serving the last good deck/);
    // A page opened while the brief is broken gets the last good deck and the overlay too.
    const other = await browser.newPage();
    await other.goto(`${address}brief/#/background-p2`, { waitUntil: 'load' });
    await other.waitForSelector('html[data-deck-ready]');
    expect(await other.$eval('#briefdeck-error .briefdeck-error-message', (el) => el.textContent)).toMatch(/brief\.md:\d+:\d+/);
    expect(await other.$eval('#background-p2', (el) => el.textContent)).toContain('MARKER-TWO');
    await other.close();
    // The title is in the page's head too: the page reloads, on the same slide.
    expect(await updateAfter(() => edit('title: [Live reload brief', 'title: Live reload brief, fixed'))).toBe('reloaded');
    expect(await page.$('#briefdeck-error')).toBeNull();
    expect(await currentId()).toBe('background-p2');
    expect(await page.title()).toBe('Live reload brief, fixed');
  });

  it('opens the speaker view from the served deck', async () => {
    const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
    await page.keyboard.press('s');
    const notes = await popup;
    expect(notes).not.toBeNull();
    await notes!.waitForSelector('.speaker-controls-notes', { timeout: 20_000 });
    await notes!.waitForFunction(() => document.querySelector('#current-slide iframe') !== null, { timeout: 20_000 });
    await notes!.close();
  });
});
