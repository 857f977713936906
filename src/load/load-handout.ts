import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { HandoutTemplates, NamedFile, TemplateSources } from '../types.js';
import { loadTemplates, readTemplate, templateNames, userFolder, type TemplateFolder } from './load-templates.js';
import { memoize } from './memoize.js';
import { LIMITS } from './read-confined.js';


const RE_CLOSE_STYLE = /<\/style/i;

/** `folder/handout/*.hbs` as `handout-<name>` partials, over what `into` holds; missing folder: none. */
async function readHandoutPartials(folder: TemplateFolder, into: TemplateSources): Promise<void> {
  for (const entry of await templateNames(folder, 'handout')) {
    into.partials[`handout-${entry.slice(0, -4)}`] = (await readTemplate(folder, path.join('handout', entry))) ?? '';
    into.files[`partials/handout-${entry.slice(0, -4)}`] = path.join(folder.user?.path ?? folder.dir, 'handout', entry);
  }
}

/** The user's `handout/handout.css`; from an untrusted folder it cannot close the `<style>` it is written in. */
async function readUserCss(folder: TemplateFolder): Promise<string | undefined> {
  const css = await readTemplate(folder, path.join('handout', 'handout.css'), true);
  const close = css === undefined || !folder.user?.untrusted ? -1 : css.search(RE_CLOSE_STYLE);
  if (close >= 0) {
    const line = (css as string).slice(0, close).split('\n').length;
    fail('template-untrusted', '</style> is not allowed in a stylesheet from a config briefdeck found (give its folder with --templates to trust it)', {
      at: { file: path.join(folder.user?.path ?? folder.dir, 'handout', 'handout.css'), line },
    });
  }
  return css;
}

/**
 * The built-in handout over the deck's slide partials, with the user's templates folder over both:
 * its slide partials (so a handout shows the very slides of the deck), and its own `handout.hbs`,
 * `handout/*.hbs` and `handout/handout.css` (laid over the built-in styles), when it has them.
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
  const [main, css, userCss, notesPageCss] = await Promise.all([
    userMain ?? readTemplate(builtIn, 'handout.hbs'),
    readTemplate(builtIn, path.join('handout', 'handout.css')),
    folder ? readUserCss(folder) : undefined,
    readTemplate(builtIn, path.join('handout', 'notes-page.css')),
  ]);
  sources.deck = main ?? '';
  sources.files.deck = userMain !== undefined && user ? path.join(user.path, 'handout.hbs') : path.join(dir, 'handout.hbs');
  return { sources, css: userCss ? `${css}\n${userCss}` : (css ?? ''), notesPageCss: notesPageCss ?? '' };
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
