import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import { memoize } from './memoize.js';
import type { TemplateSources } from '../types.js';


/** Reads `dir/partials/*.hbs` over what `into` holds; returns how many it read. */
async function readPartials(dir: string, into: TemplateSources): Promise<number> {
  const entries = (await readdir(path.join(dir, 'partials')).catch(() => [] as string[])).filter((e) => e.endsWith('.hbs'));
  for (const entry of entries.sort()) {
    const file = path.join(dir, 'partials', entry);
    into.partials[entry.slice(0, -4)] = await readFile(file, 'utf8');
    into.files[`partials/${entry.slice(0, -4)}`] = file;
  }
  return entries.length;
}

async function readDeck(dir: string, into: TemplateSources): Promise<number> {
  const file = path.join(dir, 'deck.hbs');
  const deck = await readFile(file, 'utf8').catch(() => undefined);
  if (deck === undefined) return 0;
  into.deck = deck;
  into.files.deck = file;
  return 1;
}

/** The built-ins, then the user's folder over them: a file the user provides wins, by name. */
async function readTemplates(dir: string, userDir?: string): Promise<TemplateSources> {
  const sources: TemplateSources = { dir: userDir ?? dir, deck: '', partials: {}, files: {} };
  await readDeck(dir, sources);
  await readPartials(dir, sources);
  if (userDir) {
    const info = await stat(userDir).catch(() => undefined);
    if (!info?.isDirectory()) fail('templates-missing', `no templates folder ${userDir} (give a folder holding deck.hbs and/or partials/*.hbs)`);
    const read = (await readDeck(userDir, sources)) + (await readPartials(userDir, sources));
    if (read === 0) fail('templates-empty', `the templates folder ${userDir} holds no deck.hbs and no partials/*.hbs`);
  }
  return sources;
}

const loadOnce = memoize((key: string) => {
  const [dir, userDir] = key.split('\0');
  return readTemplates(dir, userDir || undefined);
});

/** The built-in templates in `dir`, with `userDir`'s over them when given. */
export function loadTemplates(dir = TEMPLATES_DIR, userDir?: string): Promise<TemplateSources> {
  return loadOnce(`${dir}\0${userDir ? path.resolve(userDir) : ''}`);
}

/** Watch mode: a template edited on disk must be read again. */
export function forgetTemplates(): void {
  loadOnce.clear();
}

export const INDEX_TEMPLATE = path.join(TEMPLATES_DIR, 'index.hbs');

/** Read on every render: the listing is small, and an edited template shows at the next rebuild. */
export async function loadIndexTemplate(file = INDEX_TEMPLATE): Promise<{ source: string; file: string }> {
  try {
    return { source: await readFile(file, 'utf8'), file };
  } catch (error) {
    fail('template-missing', `cannot read the deck listing template ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
