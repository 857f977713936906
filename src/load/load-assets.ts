import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import { memoize } from './memoize.js';
import type { DeckAssets } from '../types.js';

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
    fail('theme-missing', path.isAbsolute(theme) ? `cannot read the theme file ${theme}` : `no theme "${theme}" (looked for ${file})`);
  }
}

/**
 * The built-in institutional theme is the base every theme is laid over: `dark`, `contrast` and a
 * user's `FILE.css` only change custom properties and the few rules they need to.
 */
async function loadTheme(theme: string): Promise<string> {
  const base = await readTheme(path.join(TEMPLATES_DIR, 'themes', 'institutional.css'), 'institutional');
  if (theme === 'institutional') return base;
  const file = path.isAbsolute(theme) ? theme : path.join(TEMPLATES_DIR, 'themes', `${theme}.css`);
  return `${base}\n${await readTheme(file, theme)}`;
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

/** Loaded once per process and theme. */
export const loadAssets = memoize(readAssets);

/** Watch mode: a theme edited on disk must be read again. */
export function forgetAssets(): void {
  loadAssets.clear();
}
