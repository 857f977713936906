import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from './load-assets.js';
import { loadTemplates, type TemplateSources } from './load-templates.js';
import { memoize } from './memoize.js';

/**
 * The handout's template over the deck's own slide partials (so a slide in the handout is the very
 * markup of the deck), its partials from templates/handout/, and its stylesheets.
 */
export interface HandoutTemplates {
  sources: TemplateSources;
  css: string;
  /** Styles added to the slide PDF's print view for `--notes` pages. */
  notesPageCss: string;
}

async function readHandout(dir: string): Promise<HandoutTemplates> {
  const deck = await loadTemplates(dir);
  const own = path.join(dir, 'handout');
  try {
    const partials: Record<string, string> = { ...deck.partials };
    const files: Record<string, string> = { ...deck.files, deck: path.join(dir, 'handout.hbs') };
    for (const entry of await readdir(own)) {
      if (!entry.endsWith('.hbs')) continue;
      partials[`handout-${entry.slice(0, -4)}`] = await readFile(path.join(own, entry), 'utf8');
      files[`partials/handout-${entry.slice(0, -4)}`] = path.join(own, entry);
    }
    const [main, css, notesPageCss] = await Promise.all([
      readFile(path.join(dir, 'handout.hbs'), 'utf8'),
      readFile(path.join(own, 'handout.css'), 'utf8'),
      readFile(path.join(own, 'notes-page.css'), 'utf8'),
    ]);
    return { sources: { dir, deck: main, partials, files }, css, notesPageCss };
  } catch (error) {
    fail('template-missing', `cannot read the handout templates in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

const loadOnce = memoize(readHandout);

export function loadHandout(dir = TEMPLATES_DIR): Promise<HandoutTemplates> {
  return loadOnce(dir);
}
