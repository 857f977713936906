import { readFileSync } from 'node:fs';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { confineThemeCss, urlTokens } from '../../src/load/theme-css.js';
import { styleSafe } from '../../src/render/render-deck.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const PNG = readFileSync(fixture('chart.png'));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const remove of cleanups) await remove();
});

/** A theme folder `theme/` (with a PNG, a partial stylesheet, a link out) beside `outside/`. */
async function themeFolder(): Promise<{ theme: string; outside: string }> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const base = await realpath(temp.dir);
  const theme = path.join(base, 'theme');
  const outside = path.join(base, 'outside');
  await mkdir(path.join(theme, 'img'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(theme, 'img', 'logo.png'), PNG);
  await writeFile(path.join(theme, 'part.css'), '.b { background: url("img/logo.png") }\n.c { background: url(http://127.0.0.1:9/x) }\n');
  await writeFile(path.join(theme, 'loop.css'), '@import "loop.css";\n');
  await writeFile(path.join(theme, 'words.txt'), 'not an image');
  await writeFile(path.join(outside, 'secret.png'), PNG);
  await symlink('/etc/passwd', path.join(theme, 'passwd.png'));
  return { theme, outside };
}

async function confine(css: string, theme: string): Promise<{ css: string; warnings: string[] }> {
  const warnings: string[] = [];
  const file = path.join(theme, 'brand.css');
  const out = await confineThemeCss(css, file, file, (code, message, at, line) => void warnings.push(`${path.basename(at)}:${line} ${code} ${message}`));
  return { css: out, warnings };
}

describe('urlTokens: every place a stylesheet names a URL, read as Chromium reads CSS', () => {
  it('finds url() in any case and escape, @import strings, image-set() strings', () => {
    const css = [
      'a { background: url(a.png) }',
      'b { background: URL( "b.png" ) }',
      'c { background: u\\72 l(c.png) }',
      '@import "d.css";',
      '@IMPORT url(e.css) screen;',
      'f { background: image-set("f.png" 1x, url(g.png) 2x) }',
      'h { background: -webkit-image-set(\'h.png\' 1x) }',
      'i { background: url(i\\).png) }',
    ].join('\n');
    expect(urlTokens(css).map((t) => `${t.kind}:${t.url}`)).toEqual(['url:a.png', 'url:b.png', 'url:c.png', 'import:d.css', 'import:e.css', 'url:f.png', 'url:g.png', 'url:h.png', 'url:i).png']);
  });

  it('skips comments, plain strings and format() hints', () => {
    expect(urlTokens('/* url(a.png) @import "b.css"; */ p::before { content: "url(c.png)" } @font-face { src: local(x) format("woff2") }')).toEqual([]);
  });
});

describe('confineThemeCss: a theme names only files beside it, embedded', () => {
  it('embeds an image inside the theme folder as a data: URL', async () => {
    const { theme } = await themeFolder();
    const { css, warnings } = await confine('.a { background: url(img/logo.png) }', theme);
    expect(css).toBe(`.a { background: url("data:image/png;base64,${PNG.toString('base64')}") }`);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['file:///etc/passwd', 'theme-url-outside'],
    ['http://127.0.0.1:9/x.png', 'theme-url-outside'],
    ['//127.0.0.1:9/x.png', 'theme-url-outside'],
    ['/etc/passwd', 'theme-url-outside'],
    ['\\2f etc/passwd', 'theme-url-outside'],
    ['../outside/secret.png', 'theme-url-outside'],
    ['passwd.png', 'theme-url-outside'],
    ['missing.png', 'theme-url-missing'],
    ['words.txt', 'theme-url-not-asset'],
    ['img', 'theme-url-not-file'],
  ])('leaves out url(%s) with a located warning (%s)', async (url, code) => {
    const { theme } = await themeFolder();
    const { css, warnings } = await confine(`.a { color: red }\n.b { background: url(${url}) }\n`, theme);
    expect(css).toBe('.a { color: red }\n.b { background: url("data:,") }\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^brand\\.css:2 ${code} the theme's url\\(.+\\) .+; it is left out$`));
  });

  it('inlines an @import from the theme folder as a data: stylesheet, its own urls confined too', async () => {
    const { theme } = await themeFolder();
    const { css, warnings } = await confine('@import "part.css";\n.a { color: red }', theme);
    const data = /^@import url\("data:text\/css;base64,([^"]+)"\);/.exec(css);
    expect(data).not.toBeNull();
    const inner = Buffer.from(data![1], 'base64').toString();
    expect(inner).toContain(`url("data:image/png;base64,${PNG.toString('base64')}")`);
    expect(inner).toContain('url("data:,")');
    expect(warnings).toEqual([expect.stringMatching(/^part\.css:2 theme-url-outside the theme's url\(http:\/\/127\.0\.0\.1:9\/x\)/)]);
  });

  it('an @import cycle ends with a warning', async () => {
    const { theme } = await themeFolder();
    const { warnings } = await confine('@import url(loop.css);', theme);
    expect(warnings).toEqual([expect.stringMatching(/^loop\.css:1 theme-import-cycle /)]);
  });

  it('names at most 20 dropped urls, then says there are more', async () => {
    const { theme } = await themeFolder();
    const css = Array.from({ length: 50 }, (_, i) => `.a${i} { background: url(http://127.0.0.1:9/${i}) }`).join('\n');
    const { warnings } = await confine(css, theme);
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toMatch(/theme-url-more more of the theme's urls are left out/);
  });
});

describe('styleSafe: CSS cannot close its <style>', () => {
  it('escapes </style in any case, so markup after it stays CSS text', () => {
    expect(styleSafe('a{} </style><script>x()</script> </STYLE >')).toBe('a{} \\3c /style><script>x()</script> \\3c /STYLE >');
  });
});
