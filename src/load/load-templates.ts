import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { NamedFile, TemplateSources } from '../types.js';
import { memoize } from './memoize.js';
import { confineFolder, LIMITS, readConfined, refusalCode, type Rule } from './read-confined.js';


/**
 * Where a set of templates is read from: the built-ins, or the user's folder (resolved, so its
 * files are confined to it: a partial symlinked out is refused). Files from a folder that a found
 * config names are checked, so they cannot run script in the deck.
 */
export interface TemplateFolder {
  dir: string;
  user?: NamedFile;
  rule: Rule;
}

const BUILT_IN: TemplateFolder = { dir: TEMPLATES_DIR, rule: { limit: LIMITS.template } };

/** The user's folder by the one confinement rule (inside the config's folder, when a config names it). */
export async function userFolder(user: NamedFile): Promise<TemplateFolder> {
  const folder = await confineFolder(user.path, { root: user.root?.dir, rootName: user.root?.name });
  if ('refused' in folder) {
    if (folder.refused === 'missing') fail('templates-missing', `no templates folder ${user.given} (give a folder holding deck.hbs and/or partials/*.hbs)`, { at: user.at });
    fail(refusalCode('templates', folder), `cannot use the templates folder ${user.given}: ${folder.message}`, { at: user.at });
  }
  return { dir: folder.real, user, rule: { root: folder.real, rootName: 'the templates folder', limit: LIMITS.template } };
}

/** One template file of `folder` (`name` relative to it); `undefined` when an `optional` one is missing. */
export async function readTemplate(folder: TemplateFolder, name: string, optional = false): Promise<string | undefined> {
  const file = path.join(folder.dir, name);
  const read = await readConfined(file, folder.rule);
  if ('refused' in read) {
    if (read.refused === 'missing' && optional) return undefined;
    fail(refusalCode('template', read), `cannot use the template ${name}${folder.user ? ` in ${folder.user.given}` : ''}: ${read.message}`, { at: folder.user?.at });
  }
  const source = read.bytes.toString('utf8');
  // The check parses with Handlebars' compiler: loaded only for a folder that needs it.
  if (folder.user?.untrusted && name.endsWith('.hbs')) await (await import('./check-template.js')).checkUntrustedTemplate(source, path.join(folder.user.path, name));
  return source;
}

const RE_CLOSE_STYLE = /<\/style/i;

/**
 * A stylesheet of the user's folder (`name` relative to it), `undefined` when it has none; from an
 * untrusted folder it cannot close the `<style>` it is written in.
 */
export async function readUserStylesheet(folder: TemplateFolder, name: string): Promise<string | undefined> {
  const css = await readTemplate(folder, name, true);
  const close = css === undefined || !folder.user?.untrusted ? -1 : css.search(RE_CLOSE_STYLE);
  if (close >= 0) {
    const line = (css as string).slice(0, close).split('\n').length;
    fail('template-untrusted', '</style> is not allowed in a stylesheet from a config briefdeck found (give its folder with --templates to trust it)', {
      at: { file: path.join(folder.user?.path ?? folder.dir, name), line },
    });
  }
  return css;
}

/** The `.hbs` files in `folder/sub`, sorted; none when it has no such folder. */
export async function templateNames(folder: TemplateFolder, sub: string): Promise<string[]> {
  const entries = await readdir(path.join(folder.dir, sub)).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith('.hbs')).sort();
}

/** Reads `folder/partials/*.hbs` over what `into` holds; returns how many it read. */
async function readPartials(folder: TemplateFolder, into: TemplateSources): Promise<number> {
  const names = await templateNames(folder, 'partials');
  for (const entry of names) {
    into.partials[entry.slice(0, -4)] = (await readTemplate(folder, path.join('partials', entry))) ?? '';
    into.files[`partials/${entry.slice(0, -4)}`] = path.join(folder.user?.path ?? folder.dir, 'partials', entry);
  }
  return names.length;
}

async function readDeck(folder: TemplateFolder, into: TemplateSources): Promise<number> {
  const deck = await readTemplate(folder, 'deck.hbs', true);
  if (deck === undefined) return 0;
  into.deck = deck;
  into.files.deck = path.join(folder.user?.path ?? folder.dir, 'deck.hbs');
  return 1;
}

/** The built-ins, then the user's folder over them: a file the user provides wins, by name. */
async function readTemplates(dir: string, user?: NamedFile): Promise<TemplateSources> {
  const sources: TemplateSources = { dir: user?.path ?? dir, deck: '', partials: {}, files: {}, user };
  const builtIn = { ...BUILT_IN, dir };
  await readDeck(builtIn, sources);
  await readPartials(builtIn, sources);
  if (user) {
    const folder = await userFolder(user);
    const read = (await readDeck(folder, sources)) + (await readPartials(folder, sources));
    if (read === 0) fail('templates-empty', `the templates folder ${user.given} holds no deck.hbs and no partials/*.hbs`, { at: user.at });
  }
  return sources;
}

const loadOnce = memoize((key: string) => {
  const { dir, user } = JSON.parse(key) as { dir: string; user?: NamedFile };
  return readTemplates(dir, user);
});

/** `--templates DIR` (or the library's `templates`): the user's own folder, trusted. */
export function templatesGiven(dir: string): NamedFile {
  return { path: path.resolve(dir), given: dir };
}

/** The built-in templates in `dir`, with the user's folder over them when given. */
export function loadTemplates(dir = TEMPLATES_DIR, user?: NamedFile): Promise<TemplateSources> {
  return loadOnce(JSON.stringify({ dir, user }));
}

/** Watch mode: a template edited on disk must be read again. */
export function forgetTemplates(): void {
  loadOnce.clear();
}

export const INDEX_TEMPLATE = path.join(TEMPLATES_DIR, 'index.hbs');

/** The deck listing's template: `index.hbs` in the `--templates` folder when it has one (as ejected), else the built-in. */
export function indexTemplateFile(templatesDir?: string): string {
  const mine = templatesDir === undefined ? undefined : path.join(path.resolve(templatesDir), 'index.hbs');
  return mine !== undefined && existsSync(mine) ? mine : INDEX_TEMPLATE;
}

/** Read on every render: the listing is small, and an edited template shows at the next rebuild. */
export async function loadIndexTemplate(file = INDEX_TEMPLATE): Promise<{ source: string; file: string }> {
  try {
    return { source: await readFile(file, 'utf8'), file };
  } catch (error) {
    fail('template-missing', `cannot read the deck listing template ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
