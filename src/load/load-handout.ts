import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import { loadTemplates } from './load-templates.js';
import { memoize } from './memoize.js';
import type { HandoutTemplates, TemplateSources } from '../types.js';


/** `dir/handout/*.hbs` as `handout-<name>` partials, over what `into` holds; missing folder: none. */
async function readHandoutPartials(dir: string, into: TemplateSources): Promise<void> {
  const own = path.join(dir, 'handout');
  const entries = await readdir(own).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  for (const entry of entries.sort()) {
    if (!entry.endsWith('.hbs')) continue;
    into.partials[`handout-${entry.slice(0, -4)}`] = await readFile(path.join(own, entry), 'utf8');
    into.files[`partials/handout-${entry.slice(0, -4)}`] = path.join(own, entry);
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * The built-in handout over the deck's slide partials, with a `--templates` folder's over both: its
 * slide partials (so a handout shows the very slides of the deck), and its own `handout.hbs`,
 * `handout/*.hbs` and `handout/handout.css` (laid over the built-in styles), when it has them.
 */
async function readHandout(key: string): Promise<HandoutTemplates> {
  const [dir, userDir] = key.split('\0');
  const deck = await loadTemplates(dir, userDir || undefined);
  const own = path.join(dir, 'handout');
  try {
    const sources: TemplateSources = { dir: userDir || dir, deck: '', partials: { ...deck.partials }, files: { ...deck.files } };
    await readHandoutPartials(dir, sources);
    if (userDir) await readHandoutPartials(userDir, sources);
    const userMain = userDir ? await readOptional(path.join(userDir, 'handout.hbs')) : undefined;
    const [main, css, userCss, notesPageCss] = await Promise.all([
      userMain ?? readFile(path.join(dir, 'handout.hbs'), 'utf8'),
      readFile(path.join(own, 'handout.css'), 'utf8'),
      userDir ? readOptional(path.join(userDir, 'handout', 'handout.css')) : undefined,
      readFile(path.join(own, 'notes-page.css'), 'utf8'),
    ]);
    sources.deck = main;
    sources.files.deck = userMain !== undefined ? path.join(userDir, 'handout.hbs') : path.join(dir, 'handout.hbs');
    return { sources, css: userCss ? `${css}\n${userCss}` : css, notesPageCss };
  } catch (error) {
    fail('template-missing', `cannot read the handout templates in ${userDir || dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

const loadOnce = memoize(readHandout);

/** The handout templates in `dir`, with those of `userDir` (`--templates`) over them. */
export function loadHandout(dir = TEMPLATES_DIR, userDir?: string): Promise<HandoutTemplates> {
  return loadOnce(`${dir}\0${userDir ? path.resolve(userDir) : ''}`);
}

/** Watch mode: a handout template edited on disk must be read again. */
export function forgetHandout(): void {
  loadOnce.clear();
}
