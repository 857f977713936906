import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { forgetTemplates } from '../../src/load/load-templates.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';
// @ts-expect-error: the build scripts are plain JavaScript under scripts/, without type declarations.
import { precompileTemplates } from '../../scripts/build/precompile-templates.mjs';

// The CLI bundle replaces src/render/precompiled-templates.ts with what scripts/build/precompile-templates.mjs
// makes of templates/; here the module is a table this test fills, and counts the lookups that find a spec.
const table = vi.hoisted(() => ({ specs: {} as Record<string, unknown>, hits: 0 }));
vi.mock('../../src/render/precompiled-templates.js', () => ({
  PRECOMPILED: new Proxy(
    {},
    {
      get: (_target, key: string) => {
        const spec = table.specs[key];
        if (spec) table.hits++;
        return spec;
      },
    },
  ),
}));

interface Precompiled {
  file: string;
  hash: string;
  spec: string;
}

let root: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir: root, remove } = await tempDir()));
afterAll(() => remove());

function usePrecompiled(on: boolean): void {
  table.specs = on ? Object.fromEntries((precompileTemplates(TEMPLATES_DIR) as Precompiled[]).map((t) => [t.hash, new Function(`return ${t.spec}`)()])) : {};
  table.hits = 0;
  // New template sources, so compileDeck compiles them again rather than use what it compiled before.
  forgetTemplates();
}

describe('precompiled built-in templates', () => {
  it('precompiles every .hbs of templates/, the deck, its partials, the handout and the listing', () => {
    const files = (precompileTemplates(TEMPLATES_DIR) as Precompiled[]).map((t) => t.file);
    expect(files).toEqual(expect.arrayContaining(['deck.hbs', 'index.hbs', 'handout.hbs', path.join('partials', 'content.hbs'), path.join('handout', 'item.hbs')]));
  });

  it('give the same HTML as the templates compiled at run time, for the example and a fixture', async () => {
    for (const brief of [EXAMPLE, fixture('footnotes.md')]) {
      usePrecompiled(false);
      const compiled = (await composeDeck(brief, { fit: false })).deck.html;
      expect(table.hits).toBe(0);
      usePrecompiled(true);
      const precompiled = (await composeDeck(brief, { fit: false })).deck.html;
      // deck.hbs and each of its partials came from the table.
      expect(table.hits).toBe(9);
      expect(precompiled).toBe(compiled);
    }
  });

  it('are not used for a template that differs from the built-in one: the user’s own is compiled at run time', async () => {
    usePrecompiled(true);
    const dir = path.join(root, 'mine');
    await mkdir(path.join(dir, 'partials'), { recursive: true });
    const builtIn = await readFile(path.join(TEMPLATES_DIR, 'partials', 'footer.hbs'), 'utf8');
    await writeFile(path.join(dir, 'partials', 'footer.hbs'), builtIn.replace('bd-footer', 'my-footer'));
    const { deck } = await composeDeck(fixture('lang-de.md'), { fit: false, templates: dir });
    expect(deck.html).toContain('class="my-footer');
    // Every built-in but the footer.
    expect(table.hits).toBe(8);
  });
});
