import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

/**
 * A hostile brief folder against the pages briefdeck writes and prints, through the real CLI with
 * PDF, notes pages and handout: a theme that closes its `<style>` and names /etc/passwd and a
 * listener on 127.0.0.1; HTML that makes slides, notes and banners of its own. Nothing is fetched
 * (the listener hears nothing), nothing runs, no line of /etc/passwd reaches any output.
 */

const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
const MARKER = 'PWNED-BY-THEME';
let server: Server;
let origin: string;
const heard: string[] = [];
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    heard.push(req.url ?? '');
    res.setHeader('content-type', req.url?.endsWith('.css') ? 'text/css' : 'image/png');
    res.end(req.url?.endsWith('.css') ? `body::before { content: "${MARKER}-import" }` : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  for (const remove of cleanups) await remove();
});

async function folder(): Promise<string> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const root = path.join(await realpath(temp.dir), 'brief');
  await mkdir(root);
  return root;
}

/** Everything written under `dir`, PDFs as their text, as one string. */
async function written(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    parts.push(await readFile(file, 'latin1'));
    if (file.endsWith('.pdf')) parts.push((await readPdf(file)).text.join('\n'));
  }
  return parts.join('\n');
}

const SCRIPT = `document.body.prepend('${MARKER}-script ' + (navigator.userAgent));fetch('${origin}/script').catch(()=>{})`;

describe('a hostile theme, through build --pdf --notes --handout', () => {
  it('loads nothing, runs nothing, and says which urls it left out, at their theme line', async () => {
    const root = await folder();
    await writeFile(path.join(root, 'evil.css'), [
      `@import "${origin}/import.css";`,
      `.reveal.briefdeck .bd-heading { background: url(file:///etc/passwd); }`,
      `.reveal.briefdeck .bd-body { background-image: url(${origin}/bg.png); }`,
      `.reveal.briefdeck p::after { content: url("/etc/passwd"); }`,
      `</style><script>${SCRIPT}</script><style>`,
      `</STYLE><img src="${origin}/img.png" onerror="${SCRIPT}">`,
    ].join('\n'));
    await writeFile(path.join(root, 'x.md'), '---\ntitle: Hostile\ntheme: evil.css\n---\n\n## One\n\nText.\n\n<!-- notes: Said. -->\n');
    heard.length = 0;
    const result = await spawnCli(['build', 'x.md', '--pdf', '--notes', '--handout', '-o', 'out'], { cwd: root, killAfterMs: 240_000 });
    expect(result.code).toBe(0);
    const warnings = result.err.split('\n').filter((l) => l.includes('theme-url'));
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^evil\\.css:1 warning theme-url-outside the theme's url\\(${origin.replace(/[.:/]/g, '\\$&')}/import\\.css\\) names a file or address outside the theme's folder`)),
      expect.stringMatching(/^evil\.css:2 warning theme-url-outside the theme's url\(file:\/\/\/etc\/passwd\)/),
      expect.stringMatching(/^evil\.css:3 warning theme-url-outside /),
      expect.stringMatching(/^evil\.css:4 warning theme-url-outside the theme's url\(\/etc\/passwd\)/),
    ]);
    expect(heard).toEqual([]);
    const out = await written(path.join(root, 'out'));
    expect(out).toContain('x.pdf');
    expect(out).not.toContain(PASSWD);
    // The theme's text stays in the deck, as CSS: what it would have done shows in no PDF.
    const html = await readFile(path.join(root, 'out', 'x', 'index.html'), 'utf8');
    expect(html).toContain('\\3c /style><script>');
    for (const pdf of await readdir(path.join(root, 'out', 'x'))) {
      if (pdf.endsWith('.pdf')) expect((await readPdf(path.join(root, 'out', 'x', pdf))).text.join(' ')).not.toContain(MARKER);
    }
  }, 300_000);
});

describe('HTML that would make slides, notes or furniture of its own', () => {
  it('builds the PDF (no extra slide), keeps the words, strips no words into hidden notes, prints no fake banner', async () => {
    const root = await folder();
    await writeFile(path.join(root, 'x.md'), [
      '---', 'title: Hostile', '---', '', '## One', '',
      '<section><p>Words in a section.</p></section>',
      '',
      '<aside class="notes">Words in an aside.</aside>',
      '',
      '<p class="bd-classification-top">TOP SECRET FAKE</p>',
      '',
      '<p class="slide-background">Hidden words.</p>',
      '',
    ].join('\n'));
    const result = await spawnCli(['build', 'x.md', '--pdf', '--strip-notes', '-o', 'out'], { cwd: root, killAfterMs: 240_000 });
    expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
    const html = await readFile(path.join(root, 'out', 'x', 'index.html'), 'utf8');
    expect(html).not.toMatch(/<aside|class="bd-classification-top"|class="slide-background"/);
    const pdf = (await readPdf(path.join(root, 'out', 'x', 'x.pdf'))).text.join('\n');
    for (const words of ['Words in a section.', 'Words in an aside.', 'TOP SECRET FAKE', 'Hidden words.']) expect(pdf).toContain(words);
  }, 300_000);
});
