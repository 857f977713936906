import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { confinePage, serveHtml } from '../../src/browser/serve-html.js';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics.js';
import { exportHandout } from '../../src/pdf/export-handout.js';
import { exportPdf } from '../../src/pdf/export-pdf.js';
import { workerBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

/**
 * The second wall: every page briefdeck opens loads only itself and data: URLs, whatever the page
 * holds. Tried on pages without a Content-Security-Policy (the first wall), against a logging
 * listener on 127.0.0.1 and /etc/passwd.
 */

const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
let dir: string;
let remove: () => Promise<void>;
let session: BrowserSession;
let server: Server;
let origin: string;
const heard: string[] = [];
const TIMEOUT = 120_000;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  session = workerBrowser();
  server = createServer((req, res) => {
    heard.push(req.url ?? '');
    res.end('heard');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await remove();
});

/** Markup that reaches out every way a page can without script, and with it. */
const reachingOut = (): string => `
<link rel="stylesheet" href="${origin}/link.css">
<style>@import url(${origin}/import.css); .x { background: url(file:///etc/passwd) } .y { background: url(${origin}/bg.png) }</style>
<p class="x">x</p><p class="y">y</p>
<img src="${origin}/img.png"><img src="file:///etc/passwd"><img id="data" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<iframe src="file:///etc/passwd"></iframe><iframe src="${origin}/frame"></iframe>
<script>fetch('${origin}/fetch').catch(() => {}); new Image().src = '${origin}/script-img';</script>`;

describe('confinePage: a page loads only itself and data:', () => {
  it('a page from file:// fetches nothing else; each refusal is told', async () => {
    const file = path.join(dir, 'page.html');
    await writeFile(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${reachingOut()}</body></html>`);
    const blocked: string[] = [];
    heard.length = 0;
    const text = await session.withPage(async (page) => {
      const url = pathToFileURL(file).href;
      await confinePage(page, url, { blocked: (u) => void blocked.push(u) });
      await page.goto(url, { waitUntil: 'load' });
      return page.evaluate(() => ({ body: document.body.innerText, frames: Array.from(document.querySelectorAll('iframe'), (f) => f.contentDocument?.body?.innerText ?? '') }));
    });
    expect(heard).toEqual([]);
    expect(JSON.stringify(text)).not.toContain(PASSWD);
    expect(blocked).toEqual(expect.arrayContaining([`${origin}/link.css`, `${origin}/img.png`, 'file:///etc/passwd', `${origin}/frame`, `${origin}/fetch`]));
    expect(blocked.some((u) => u.startsWith('data:'))).toBe(false);
  }, TIMEOUT);

  it('a page served from memory likewise', async () => {
    const blocked: string[] = [];
    heard.length = 0;
    await session.withPage(async (page) => {
      await serveHtml(page, 'http://briefdeck.invalid/deck.html', `<!DOCTYPE html><html><body>${reachingOut()}</body></html>`, (u) => void blocked.push(u));
      await page.goto('http://briefdeck.invalid/deck.html', { waitUntil: 'load' });
    });
    expect(heard).toEqual([]);
    // file: from an http: page is refused by Chromium itself, before any request.
    expect(blocked).toEqual(expect.arrayContaining([`${origin}/link.css`, `${origin}/img.png`, `${origin}/frame`, `${origin}/fetch`]));
  }, TIMEOUT);
});

describe('the PDF and handout exports load nothing but the deck, and say what they refused', () => {
  it('a deck that reaches out (its policy removed) prints without fetching; blocked-request warnings at the brief', async () => {
    const brief = path.join(dir, 'x.md');
    await writeFile(brief, '---\ntitle: Reach\n---\n\n## One\n\nText.\n');
    const { deck } = await composeDeck(brief, { fit: false });
    // Without the deck's own policy, so only the export's request rule stands between the page and the world.
    const html = deck.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('Text.', `Text.${reachingOut()}`);
    expect(html).not.toContain('Content-Security-Policy');
    const htmlPath = path.join(dir, 'index.html');
    await writeFile(htmlPath, html);
    const diagnostics = new Diagnostics();
    heard.length = 0;
    await exportPdf(session, htmlPath, path.join(dir, 'x.pdf'), deck, diagnostics);
    await exportHandout(session, htmlPath, path.join(dir, 'x-handout.pdf'), deck, diagnostics);
    expect(heard).toEqual([]);
    for (const pdf of ['x.pdf', 'x-handout.pdf']) expect((await readPdf(path.join(dir, pdf))).text.join('\n')).not.toContain(PASSWD);
    const lines = diagnostics.list.map(formatDiagnostic);
    const escaped = origin.replace(/[.:/]/g, '\\$&');
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`x\\.md:1 warning blocked-request the PDF export tried to load ${escaped}/img\\.png; refused`)),
      expect.stringMatching(/x\.md:1 warning blocked-request the PDF export tried to load file:\/\/\/etc\/passwd; refused/),
      expect.stringMatching(new RegExp(`x\\.md:1 warning blocked-request the handout export tried to load ${escaped}/img\\.png; refused`)),
    ]));
    expect(lines.filter((l) => l.includes('request-failed'))).toEqual([]);
  }, TIMEOUT);
});
