import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { DeckAssets, NamedFile } from '../types.js';
import { memoize } from './memoize.js';
import { LIMITS, readConfined, refusalCode, ruleOf } from './read-confined.js';
import { readUserStylesheet, userFolder } from './load-templates.js';
import { confineThemeCss } from './theme-css.js';

const require = createRequire(import.meta.url);

/** Fonts bundled from npm: the weights the theme uses, in the scripts these families cover. */
const FONT_FILES = [
  '@fontsource/ibm-plex-sans/400.css',
  '@fontsource/ibm-plex-sans/400-italic.css',
  '@fontsource/ibm-plex-sans/600.css',
  '@fontsource/ibm-plex-sans/700.css',
  '@fontsource/ibm-plex-mono/400.css',
] as const;
const SKIPPED_SUBSETS = /-(?:vietnamese|cyrillic-ext)-/;
const RE_FACE = /\/\*[^*]*\*\/\s*@font-face\s*{[^}]*}/g;
const RE_WOFF2 = /url\(\.\/files\/([^)]+\.woff2)\)/;


/** Font faces with their woff2 inlined as data: URLs, so the deck renders offline. */
async function loadFontsCss(): Promise<string> {
  const faces: string[] = [];
  for (const specifier of FONT_FILES) {
    const cssPath = require.resolve(specifier);
    const css = await readFile(cssPath, 'utf8');
    for (const face of css.match(RE_FACE) ?? []) {
      const file = RE_WOFF2.exec(face)?.[1];
      if (!file || SKIPPED_SUBSETS.test(file)) continue;
      const data = await readFile(path.join(path.dirname(cssPath), 'files', file));
      faces.push(face.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');`));
    }
  }
  return faces.join('\n');
}

async function readTheme(file: string, theme: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    fail('theme-missing', `no theme "${theme}" (looked for ${file})`);
  }
}

/**
 * A user's theme file, by the one confinement rule, read for each brief (the folder that names it
 * differs); what its url()s name is embedded or left out (confineThemeCss).
 */
async function readThemeFile(file: NamedFile, diagnostics?: Diagnostics): Promise<string> {
  const read = await readConfined(file.path, ruleOf(file, LIMITS.theme));
  if ('refused' in read) fail(refusalCode('theme', read), `cannot use the theme ${file.given}: ${read.message}`, { at: file.at });
  return confineThemeCss(read.bytes.toString('utf8'), file.path, read.real, (code, message, at, line) => diagnostics?.warn(code, message, { file: at, line }));
}

function builtInTheme(theme: string): Promise<string> {
  return readTheme(path.join(TEMPLATES_DIR, 'themes', `${theme}.css`), theme);
}

/** A built-in theme; every theme is laid over `institutional`, changing custom properties and the few rules it needs to. */
async function loadTheme(theme: string): Promise<string> {
  const base = await builtInTheme('institutional');
  if (theme === 'institutional') return base;
  return `${base}\n${await builtInTheme(theme)}`;
}

async function readAssets(theme: string): Promise<DeckAssets> {
  const dist = path.dirname(require.resolve('reveal.js'));
  const [resetCss, revealCss, revealJs, notesJs, fontsCss, themeCss] = await Promise.all([
    readFile(path.join(dist, 'reset.css'), 'utf8'),
    readFile(path.join(dist, 'reveal.css'), 'utf8'),
    readFile(path.join(dist, 'reveal.js'), 'utf8'),
    readFile(path.join(dist, 'plugin', 'notes.js'), 'utf8'),
    loadFontsCss(),
    loadTheme(theme),
  ]).catch((error: unknown) => {
    if (error instanceof Error && error.name === 'BriefdeckError') throw error;
    fail('asset-missing', `cannot read reveal.js from node_modules (run npm install): ${(error as Error).message}`);
  });
  return { resetCss, revealCss, revealJs, notesJs, fontsCss, themeCss };
}

/** Loaded once per process and built-in theme. */
const loadShared = memoize(readAssets);

/**
 * The deck's assets for `theme`, a built-in name (read from the `templates` folder when it has
 * it); a user's `.css` file (`file`) is laid over `institutional`.
 */
export async function loadAssets(theme: string, file?: NamedFile, templates?: NamedFile, diagnostics?: Diagnostics): Promise<DeckAssets> {
  const named = file ? 'institutional' : theme;
  const shared = templates ? await withFolderThemes(await loadShared(named), named, templates) : await loadShared(named);
  if (!file) return shared;
  return { ...shared, themeCss: `${shared.themeCss}\n${await readThemeFile(file, diagnostics)}` };
}

/**
 * With a templates folder that has `themes/NAME.css` (as `templates --eject` writes it), its themes
 * stand in for the built-in ones of that name, `institutional` (the base of every theme) included.
 */
async function withFolderThemes(assets: DeckAssets, theme: string, templates: NamedFile): Promise<DeckAssets> {
  const folder = await userFolder(templates);
  const mine = (name: string): Promise<string | undefined> => readUserStylesheet(folder, path.join('themes', `${name}.css`));
  const [base, named] = await Promise.all([mine('institutional'), theme === 'institutional' ? undefined : mine(theme)]);
  if (base === undefined && named === undefined) return assets;
  const baseCss = base ?? (await builtInTheme('institutional'));
  if (theme === 'institutional') return { ...assets, themeCss: baseCss };
  return { ...assets, themeCss: `${baseCss}\n${named ?? (await builtInTheme(theme))}` };
}

/** Watch mode: a theme edited on disk must be read again. */
export function forgetAssets(): void {
  loadShared.clear();
}
