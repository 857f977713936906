import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { failure } from '../helpers/errors.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

let root: string;
let remove: () => Promise<void>;

async function userTemplates(name: string, partials: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'partials'), { recursive: true });
  for (const [partial, source] of Object.entries(partials)) await writeFile(path.join(dir, 'partials', `${partial}.hbs`), source);
  return dir;
}

beforeAll(async () => ({ dir: root, remove } = await tempDir()));
afterAll(() => remove());

describe('template overrides', () => {
  it('uses a partial the user provides and the built-in set for every other one', async () => {
    const footer = '<footer class="my-footer">{{@root.shortTitle}} — {{number}}</footer>\n';
    const dir = await userTemplates('one', { footer });
    const { deck } = await composeDeck(fixture('lang-de.md'), { templates: dir, mode: 'full', dividers: 'all' });
    expect(deck.html).toContain('<footer class="my-footer">Energiesicherheit — 1</footer>');
    expect(deck.html).not.toContain('class="bd-footer"');
    // The built-in title, section and content partials are still in use.
    expect(deck.html).toContain('class="bd-title-heading"');
    expect(deck.html).toContain('class="bd-section-heading"');
    expect(await readdir(path.join(TEMPLATES_DIR, 'partials'))).toContain('footer.hbs');
  });

  it('names the template file and line of a syntax error', async () => {
    const dir = await userTemplates('syntax', { title: '<section>\n  {{#if @root.title}}\n  <h1>{{@root.title}}</h1>\n  {{/each}}\n</section>\n' });
    const error = await failure(() => composeDeck(fixture('lang-de.md'), { templates: dir, mode: 'full', dividers: 'all' }));
    expect(error.code).toBe('template-error');
    expect(error.at).toMatchObject({ file: path.join(dir, 'partials', 'title.hbs'), line: 2 });
  });

  it('names the partial, line and column of a field that does not exist', async () => {
    const dir = await userTemplates('strict', { notes: '\n\n<aside>{{notesHtml}} {{speakerNotes}}</aside>\n' });
    const error = await failure(() => composeDeck(fixture('lang-de.md'), { templates: dir, mode: 'full', dividers: 'all' }));
    expect(error.at).toMatchObject({ file: path.join(dir, 'partials', 'notes.hbs'), line: 3, column: 24 });
    // Column 24 is where the name `speakerNotes` starts, inside its braces.
    expect(error.message).toMatch(/"speakerNotes" not defined/);
  });

  it('refuses a templates folder that does not exist or holds no templates', async () => {
    expect((await failure(() => composeDeck(fixture('lang-de.md'), { templates: path.join(root, 'missing') }))).code).toBe('templates-missing');
    await mkdir(path.join(root, 'empty'));
    expect((await failure(() => composeDeck(fixture('lang-de.md'), { templates: path.join(root, 'empty') }))).code).toBe('templates-empty');
  });

  it('renders labels in the brief language through the built-in partials', async () => {
    const { deck } = await composeDeck(fixture('lang-de.md'), { mode: 'full', dividers: 'all' });
    expect(deck.html).toContain('aria-label="Folie 1 von 12"');
    expect(deck.html).toMatch(/<h2 class="bd-heading">Zusammenfassung<\/h2>/);
    expect(await readFile(path.join(TEMPLATES_DIR, 'partials', 'footer.hbs'), 'utf8')).toContain('numberLabel');
  });
});
