import { copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { readManifest } from '../../src/cache/manifest.js';
import { fixtureCopy } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
let out: string;

beforeEach(async () => {
  ({ dir, remove } = await fixtureCopy('serve'));
  out = path.join(dir, 'dist');
});
afterEach(() => remove());

const brief = (name: string): string => path.join(dir, 'content', name);
const mtime = async (file: string): Promise<number> => (await stat(file)).mtimeMs;

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('incremental builds', () => {
  it('a second build with nothing changed writes nothing', async () => {
    const first = await buildDeck(brief('brief.md'), { outDir: out });
    expect(first.skipped).toBe(false);
    const html = path.join(out, 'brief', 'index.html');
    const before = { html: await mtime(html), manifest: await readFile(path.join(out, 'brief', '.briefdeck-manifest.json'), 'utf8') };
    const second = await buildDeck(brief('brief.md'), { outDir: out });
    expect(second.skipped).toBe(true);
    expect(second.outputs).toEqual([]);
    expect(await mtime(html)).toBe(before.html);
    expect(await readFile(path.join(out, 'brief', '.briefdeck-manifest.json'), 'utf8')).toBe(before.manifest);
  });

  it('records the input key, the outputs and each slide in the manifest, keeping `files`', async () => {
    const result = await buildDeck(brief('brief.md'), { outDir: out });
    const manifest = await readManifest(path.join(out, 'brief'));
    expect(Object.keys(manifest!.files)).toEqual(['index.html']);
    expect(manifest!.input!.key).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest!.input!.outputs).toEqual(['index.html']);
    expect(manifest!.deck!.title).toBe('Live reload brief');
    expect(manifest!.deck!.slides.map((s) => s.id)).toEqual(result.deck.slides.map((s) => s.id));
  });

  it('reports slides changed, added and removed by id', async () => {
    await buildDeck(brief('brief.md'), { outDir: out });
    await edit(brief('brief.md'), 'MARKER-ONE', 'MARKER-TWO');
    const changed = await buildDeck(brief('brief.md'), { outDir: out });
    expect(changed.skipped).toBe(false);
    expect(changed.changes).toMatchObject({ changed: ['context-p2'], added: [], removed: [], compared: true });
    // A third section also brings the agenda slide (AGENDA_MIN_SECTIONS), which goes with it.
    await edit(brief('brief.md'), '## Outlook', '## Risks\n\nA risk.\n\n## Outlook');
    const added = await buildDeck(brief('brief.md'), { outDir: out });
    expect(added.changes).toMatchObject({ changed: [], added: ['agenda', 'risks', 'risks-p1'], removed: [] });
    await edit(brief('brief.md'), '## Risks\n\nA risk.\n\n', '');
    expect((await buildDeck(brief('brief.md'), { outDir: out })).changes).toMatchObject({ changed: [], added: [], removed: ['agenda', 'risks', 'risks-p1'] });
  });

  it('text moved down by an edit above is not a changed slide', async () => {
    await buildDeck(brief('brief.md'), { outDir: out });
    await edit(brief('brief.md'), 'A short summary of the brief.', 'A short summary of the brief.\n\n\n');
    const result = await buildDeck(brief('brief.md'), { outDir: out });
    expect(result.changes.changed).toEqual([]);
  });

  it('rebuilds when an image, an option or an output changes, and with --force', async () => {
    const file = brief('with-image.md');
    await buildDeck(file, { outDir: out });
    expect((await buildDeck(file, { outDir: out })).skipped).toBe(true);
    await copyFile(path.join(dir, 'content', 'img', 'dot.png'), path.join(dir, 'content', 'img', 'old.png'));
    await writeFile(path.join(dir, 'content', 'img', 'dot.png'), Buffer.concat([await readFile(path.join(dir, 'content', 'img', 'old.png')), Buffer.from([0])]));
    expect((await buildDeck(file, { outDir: out })).skipped).toBe(false);
    expect((await buildDeck(file, { outDir: out, budget: 60 })).skipped).toBe(false);
    expect((await buildDeck(file, { outDir: out, budget: 60 })).skipped).toBe(true);
    await rm(path.join(out, 'with-image', 'index.html'));
    expect((await buildDeck(file, { outDir: out, budget: 60 })).skipped).toBe(false);
    // An output edited by hand is not up to date, but it is the user's work: kept unless --force.
    const html = path.join(out, 'with-image', 'index.html');
    await writeFile(html, 'tampered');
    await expect(buildDeck(file, { outDir: out, budget: 60 })).rejects.toMatchObject({
      code: 'output-changed',
      message: `${html} was changed after briefdeck wrote it; move it away or pass --force to replace it`,
    });
    expect(await readFile(html, 'utf8')).toBe('tampered');
    expect((await buildDeck(file, { outDir: out, budget: 60, force: true })).skipped).toBe(false);
    expect(await readFile(html, 'utf8')).not.toBe('tampered');
    expect((await buildDeck(file, { outDir: out, budget: 60 })).skipped).toBe(true);
    expect((await buildDeck(file, { outDir: out, budget: 60, force: true })).skipped).toBe(false);
  });

  it('a skipped build still reports the warnings of the build it skipped', async () => {
    const file = brief('with-image.md');
    await rm(path.join(dir, 'content', 'img', 'dot.png'));
    const first = await buildDeck(file, { outDir: out });
    expect(first.diagnostics.list.map((d) => d.code)).toEqual(['image-missing']);
    const second = await buildDeck(file, { outDir: out });
    expect(second.skipped).toBe(true);
    expect(second.diagnostics.list.map((d) => d.code)).toEqual(['image-missing']);
  });

  it('asks for the PDF again when it was not built from this input', async () => {
    await buildDeck(brief('brief.md'), { outDir: out });
    // No browser is given: reaching the export step proves the build was not skipped.
    await expect(buildDeck(brief('brief.md'), { outDir: out, pdf: true })).rejects.toThrow(/need a `browser` session/);
  });
});
