import path from 'node:path';
import { TEMPLATES_DIR } from '../paths.js';
import type { HandoutTemplates, NamedFile, TemplateSources } from '../types.js';
import { loadTemplates, readTemplate, readUserStylesheet, templateNames, userFolder, type TemplateFolder } from './load-templates.js';
import { memoize } from './memoize.js';
import { LIMITS } from './read-confined.js';


/** `folder/handout/*.hbs` as `handout-<name>` partials, over what `into` holds; missing folder: none. */
async function readHandoutPartials(folder: TemplateFolder, into: TemplateSources): Promise<void> {
  for (const entry of await templateNames(folder, 'handout')) {
    into.partials[`handout-${entry.slice(0, -4)}`] = (await readTemplate(folder, path.join('handout', entry))) ?? '';
    into.files[`partials/handout-${entry.slice(0, -4)}`] = path.join(folder.user?.path ?? folder.dir, 'handout', entry);
  }
}

/**
 * The built-in handout over the deck's slide partials, with the user's templates folder over both:
 * its slide partials (so a handout shows the very slides of the deck), and its own `handout.hbs`,
 * `handout/*.hbs`, `handout/handout.css` and `handout/notes-page.css` (laid over the built-in
 * styles), when it has them.
 */
async function readHandout(key: string): Promise<HandoutTemplates> {
  const { dir, user } = JSON.parse(key) as { dir: string; user?: NamedFile };
  const deck = await loadTemplates(dir, user);
  const builtIn: TemplateFolder = { dir, rule: { limit: LIMITS.template } };
  const folder = user ? await userFolder(user) : undefined;
  const sources: TemplateSources = { dir: user?.path ?? dir, deck: '', partials: { ...deck.partials }, files: { ...deck.files }, user };
  await readHandoutPartials(builtIn, sources);
  if (folder) await readHandoutPartials(folder, sources);
  const userMain = folder ? await readTemplate(folder, 'handout.hbs', true) : undefined;
  const [main, css, userCss, notesPageCss, userNotesPageCss] = await Promise.all([
    userMain ?? readTemplate(builtIn, 'handout.hbs'),
    readTemplate(builtIn, path.join('handout', 'handout.css')),
    folder ? readUserStylesheet(folder, path.join('handout', 'handout.css')) : undefined,
    readTemplate(builtIn, path.join('handout', 'notes-page.css')),
    folder ? readUserStylesheet(folder, path.join('handout', 'notes-page.css')) : undefined,
  ]);
  sources.deck = main ?? '';
  sources.files.deck = userMain !== undefined && user ? path.join(user.path, 'handout.hbs') : path.join(dir, 'handout.hbs');
  const over = (base = '', mine?: string): string => (mine ? `${base}\n${mine}` : base);
  return { sources, css: over(css, userCss), notesPageCss: over(notesPageCss, userNotesPageCss) };
}

const loadOnce = memoize(readHandout);

/** The handout templates in `dir`, with those of the user's folder over them. */
export function loadHandout(dir = TEMPLATES_DIR, user?: NamedFile): Promise<HandoutTemplates> {
  return loadOnce(JSON.stringify({ dir, user }));
}

/** Watch mode: a handout template edited on disk must be read again. */
export function forgetHandout(): void {
  loadOnce.clear();
}
