import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from './load-assets.js';
import { memoize } from './memoize.js';

/** Template sources by name: `deck` and one `partials/<name>` per file in templates/partials. */
export interface TemplateSources {
  dir: string;
  deck: string;
  partials: Record<string, string>;
}

async function readTemplates(dir: string): Promise<TemplateSources> {
  const deck = await readFile(path.join(dir, 'deck.hbs'), 'utf8');
  const partials: Record<string, string> = {};
  for (const entry of await readdir(path.join(dir, 'partials'))) {
    if (entry.endsWith('.hbs')) partials[entry.slice(0, -4)] = await readFile(path.join(dir, 'partials', entry), 'utf8');
  }
  return { dir, deck, partials };
}

const loadOnce = memoize(readTemplates);

export function loadTemplates(dir = TEMPLATES_DIR): Promise<TemplateSources> {
  return loadOnce(dir);
}
