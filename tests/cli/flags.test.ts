import { cp, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliHost } from '../helpers/cli-host.js';
import { FIXTURES, tempDir } from '../helpers/fixtures.js';

let home: string;
let remove: () => Promise<void>;
let server: Server;
let base: string;
const host = new CliHost();
/** Every case runs in a copy of tests/fixtures/robustness, as `cd home && briefdeck …`: messages carry short relative paths. */
const cli = (argv: string[]) => host.run(argv, home);
const at = (name: string) => path.join(home, name);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  ({ dir: home, remove } = await tempDir());
  await cp(path.join(FIXTURES, 'robustness'), home, { recursive: true });
  // A local stand-in for a remote server: the test needs no network.
  server = createServer((req, res) => {
    if (req.url === '/logo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await host.close();
  server.close();
  await remove();
});

const html = (name: string, out = 'out') => readFile(path.join(home, out, name, 'index.html'), 'utf8');

describe('images: warnings with placeholders, errors with --strict', () => {
  it('a missing image and a file that is no image are located errors, as in check: the deck shows placeholders and the run exits 1', async () => {
    const result = await cli(['build', 'images.md', '--no-fit', '-o', 'out']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'images.md:9 error image-missing image not found: charts/missing.png\n' +
        'images.md:11 error image-not-image not-image.png is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)\n',
    );
    const check = await cli(['check', 'images.md', '--no-fit']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('images.md:9 error image-missing image not found: charts/missing.png\n');
    expect(check.out).toContain('images.md:11 error image-not-image ');
    const deck = await html('images');
    expect(deck).toContain('<span class="bd-missing-image" role="img" aria-label="the missing chart">[image: the missing chart]</span>');
    expect(deck).toContain('<span class="bd-missing-image" role="img" aria-label="not a picture">[image: not a picture]</span>');
  });

  it('with --strict, the first problem stops the build and nothing is written', async () => {
    const result = await cli(['build', 'images.md', '--no-fit', '-o', 'strict-out', '--strict']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'images.md:9: image not found: charts/missing.png [--strict] (and 1 more)\n' +
        'images.md:11 error image-not-image not-image.png is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)\n',
    );
    expect(await readdir(at('strict-out')).catch(() => [])).toEqual([]);
  });
});

describe('remote images', () => {
  it('are not fetched by default: a warning and a placeholder, no URL left in the deck', async () => {
    await writeFile(at('remote-local.md'), `---\ntitle: Remote\n---\n\nText.\n\n![logo](${base}/logo.png)\n`);
    const result = await cli(['build', 'remote-local.md', '--no-fit', '-o', 'out']);
    expect(result.code).toBe(0);
    expect(result.err).toBe(`remote-local.md:7 warning image-remote remote image ${base}/logo.png is not fetched (use --fetch-remote to embed it); the slide shows a placeholder\n`);
    const deck = await html('remote-local');
    expect(deck).not.toContain(base);
    expect(deck).toContain('[image: logo]');
  });

  it('are downloaded and embedded with --fetch-remote; a failed download is a warning', async () => {
    await writeFile(at('remote-both.md'), `---\ntitle: Remote\n---\n\nText.\n\n![logo](${base}/logo.png)\n\n![gone](${base}/gone.png)\n`);
    const result = await cli(['build', 'remote-both.md', '--no-fit', '-o', 'out', '--fetch-remote']);
    expect(result.code).toBe(0);
    expect(result.err).toBe(`remote-both.md:9 warning image-fetch-failed could not fetch image ${base}/gone.png (HTTP 404)\n`);
    const deck = await html('remote-both');
    expect(deck).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="logo" />`);
    expect(deck).toContain('[image: gone]');
  });
});

describe('encodings', () => {
  it('builds a brief with a BOM and CRLF line endings, lines counted as written', async () => {
    const result = await cli(['build', 'bom-crlf.md', '--no-fit', '-o', 'out']);
    expect(result).toMatchObject({ code: 0, err: '' });
    const deck = await html('bom-crlf');
    expect(deck).toContain('<title>Windows brief</title>');
    expect(deck).toMatch(/<section id="first"[^>]*data-line="7"/);
    expect(deck).not.toContain('\r');
  });
});

describe('output folders: briefdeck only replaces its own files', () => {
  it('refuses a non-empty folder it did not create, unless --force', async () => {
    await mkdir(at('theirs/good'), { recursive: true });
    await writeFile(at('theirs/good/thesis.docx'), 'months of work');
    const refused = await cli(['build', 'good.md', '--no-fit', '-o', 'theirs']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('theirs/good already holds files briefdeck did not write (thesis.docx); choose another --out, empty it, or pass --force\n');
    expect(await readdir(at('theirs/good'))).toEqual(['thesis.docx']);
    const forced = await cli(['build', 'good.md', '--no-fit', '-o', 'theirs', '--force']);
    expect(forced.code).toBe(0);
    expect((await readdir(at('theirs/good'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html', 'thesis.docx']);
    expect(await readFile(at('theirs/good/thesis.docx'), 'utf8')).toBe('months of work');
  });

  it('rebuilds over its own files, but keeps an output edited by hand unless --force', async () => {
    expect((await cli(['build', 'good.md', '--no-fit', '-o', 'mine'])).code).toBe(0);
    expect((await cli(['build', 'good.md', '--no-fit', '-o', 'mine'])).code).toBe(0);
    await writeFile(at('mine/good/index.html'), '<p>my hand-made edits</p>');
    const refused = await cli(['build', 'good.md', '--no-fit', '-o', 'mine']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('mine/good/index.html was changed after briefdeck wrote it; move it away or pass --force to replace it\n');
    expect(await readFile(at('mine/good/index.html'), 'utf8')).toBe('<p>my hand-made edits</p>');
    expect(await readdir(at('mine/good'))).toEqual(['.briefdeck-manifest.json', 'index.html']);
    expect((await cli(['build', 'good.md', '--no-fit', '-o', 'mine', '--force'])).code).toBe(0);
    expect(await html('good', 'mine')).toContain('<title>Good brief</title>');
  });

  it('never modifies the input files', async () => {
    const names = (await readdir(at('.'))).filter((n) => n.endsWith('.md')).sort();
    const before = await Promise.all(names.map(async (n) => [n, await readFile(at(n), 'latin1'), (await stat(at(n))).mtimeMs]));
    // The output goes to a temporary folder of its own: it may not lie inside the input folder.
    const elsewhere = await tempDir();
    await cli(['build', '.', '-o', elsewhere.dir, '--force', '--no-fit']);
    await elsewhere.remove();
    const after = await Promise.all(names.map(async (n) => [n, await readFile(at(n), 'latin1'), (await stat(at(n))).mtimeMs]));
    expect(after).toEqual(before);
  });
});

describe('--allow-html', () => {
  const source = '---\ntitle: Raw\n---\n\nText.\n\n<div class="x" onclick="go()"><script>window.ok = 1</script>kept</div>\n';
  it('sanitizes raw HTML by default and keeps it as written when given', async () => {
    await writeFile(at('raw.md'), source);
    expect((await cli(['build', 'raw.md', '--no-fit', '-o', 'safe'])).code).toBe(0);
    const safe = await html('raw', 'safe');
    // A class not on the allow-list is dropped (docs/security.md), the element and its words kept.
    expect(safe).toContain('<div>kept</div>');
    expect(safe).not.toContain('window.ok');
    expect((await cli(['build', 'raw.md', '--no-fit', '-o', 'trusted', '--allow-html'])).code).toBe(0);
    expect(await html('raw', 'trusted')).toContain('<div class="x" onclick="go()"><script>window.ok = 1</script>kept</div>');
  });
});
