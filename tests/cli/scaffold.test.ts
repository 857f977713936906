import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { loadHandout } from '../../src/load/load-handout.js';
import { templatesGiven } from '../../src/load/load-templates.js';
import { tempDir } from '../helpers/fixtures.js';

let root: string;
let remove: () => Promise<void>;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(async () => ({ dir: root, remove } = await tempDir()));
afterAll(() => remove());

describe('briefdeck templates --eject', () => {
  it('copies every built-in template and theme, and will not overwrite them', async () => {
    const dir = path.join(root, 'ejected');
    const first = await cli('templates', '--eject', dir);
    expect(first.code).toBe(0);
    expect((await readdir(path.join(dir, 'partials'))).sort()).toEqual((await readdir(path.join(TEMPLATES_DIR, 'partials'))).sort());
    expect(await readdir(path.join(dir, 'themes'))).toEqual(expect.arrayContaining(['institutional.css', 'dark.css', 'contrast.css']));
    expect(await readFile(path.join(dir, 'deck.hbs'), 'utf8')).toBe(await readFile(path.join(TEMPLATES_DIR, 'deck.hbs'), 'utf8'));
    expect(await readFile(path.join(dir, 'handout.hbs'), 'utf8')).toBe(await readFile(path.join(TEMPLATES_DIR, 'handout.hbs'), 'utf8'));
    expect((await readdir(path.join(dir, 'handout'))).sort()).toEqual((await readdir(path.join(TEMPLATES_DIR, 'handout'))).sort());
    expect(await readFile(path.join(dir, 'index.hbs'), 'utf8')).toBe(await readFile(path.join(TEMPLATES_DIR, 'index.hbs'), 'utf8'));
    const again = await cli('templates', '--eject', dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/would overwrite .*deck\.hbs.*--force/);
    expect((await cli('templates', '--eject', dir, '--force')).code).toBe(0);
  });
});

describe('an ejected folder given back with --templates', () => {
  it('is read whole: its themes, its deck listing and its notes-page styles win over the built-in ones', async () => {
    const dir = path.join(root, 'ejected-edited');
    expect((await cli('templates', '--eject', dir)).code).toBe(0);
    const mark = async (file: string, css: string) => writeFile(path.join(dir, file), `${await readFile(path.join(dir, file), 'utf8')}\n${css}\n`);
    await mark('themes/institutional.css', '.edited-base { color: #010203; }');
    await mark('themes/dark.css', '.edited-dark { color: #040506; }');
    await mark('handout/notes-page.css', '.edited-notes { color: #070809; }');
    await writeFile(path.join(dir, 'index.hbs'), (await readFile(path.join(dir, 'index.hbs'), 'utf8')).replace('<body', '<body data-edited-listing'));
    const briefs = path.join(root, 'two-briefs');
    await mkdir(briefs);
    for (const name of ['one', 'two']) await writeFile(path.join(briefs, `${name}.md`), `---\ntitle: ${name}\n---\n\n## Part\n\nWords.\n`);
    const out = path.join(root, 'with-ejected');
    expect((await cli('build', briefs, '--no-fit', '-q', '--templates', dir, '-o', out)).code).toBe(0);
    const deck = await readFile(path.join(out, 'one', 'index.html'), 'utf8');
    expect(deck).toContain('.edited-base');
    expect(deck).not.toContain('.edited-dark');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('data-edited-listing');
    expect((await cli('build', path.join(briefs, 'one.md'), '--no-fit', '-q', '--theme', 'dark', '--templates', dir, '-o', path.join(root, 'dark'))).code).toBe(0);
    const dark = await readFile(path.join(root, 'dark', 'one', 'index.html'), 'utf8');
    expect(dark).toContain('.edited-base');
    expect(dark).toContain('.edited-dark');
    expect((await loadHandout(TEMPLATES_DIR, templatesGiven(dir))).notesPageCss).toContain('.edited-notes');
  });
});

describe('briefdeck init', () => {
  it('scaffolds a config, an example brief and a README that build with the config applied', async () => {
    const dir = path.join(root, 'project');
    const { code, out } = await cli('init', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/briefdeck\.config\.yaml/);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toMatch(/## How to use it/);
    const { deck, diagnostics } = await composeDeck(path.join(dir, 'content', 'example.md'));
    expect(diagnostics.list).toEqual([]);
    expect(deck.brief.meta).toMatchObject({ organisation: 'Example Institute', classification: 'OFFICIAL', version: '0.1' });
    expect(deck.slides.map((s) => s.kind)).toEqual(expect.arrayContaining(['title', 'summary', 'agenda', 'content', 'closing']));
    expect(deck.html).toContain('src="data:image/svg+xml;base64,');
    expect((await cli('init', dir)).code).toBe(2);
  });
});

describe('--theme', () => {
  it('takes a built-in name or a .css file, and says what it expects otherwise', async () => {
    const bad = await cli('build', '--theme', 'sepia', path.join(root, 'none.md'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/institutional, dark, contrast or a \.css file/);
  });
});
