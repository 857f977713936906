import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { primaryLang } from '../i18n/labels.js';

const require = createRequire(import.meta.url);

/**
 * Noto faces for the scripts IBM Plex lacks. Each package splits its font into unicode-range
 * subsets (about a hundred for Chinese); a deck inlines only the subsets its own text uses, so a
 * Chinese brief carries a few hundred kilobytes of font instead of tens of megabytes.
 */
const SCRIPT_FONTS = [
  { family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', subsets: /-arabic-\d+-normal/ },
  { family: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', subsets: /-hebrew-\d+-normal/ },
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', subsets: /-sc-\d+-\d+-normal/ },
  { family: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', subsets: /-jp-\d+-\d+-normal/ },
  { family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', subsets: /-kr-\d+-\d+-normal/ },
] as const;
const WEIGHTS = ['400', '700'] as const;
/** The Han characters of a Japanese or Korean brief take that language's letterforms. */
const HAN_PREFERENCE: Record<string, string> = { ja: 'Noto Sans JP', ko: 'Noto Sans KR' };
/** What the bundled IBM Plex Sans already covers (latin, latin-ext, cyrillic, greek). */
const BASE_CSS = '@fontsource/ibm-plex-sans/400.css';
const BASE_SUBSETS = /^(?!.*-(?:vietnamese|cyrillic-ext)-)/;

const RE_FACE = /@font-face\s*{[^}]*}/g;
const RE_WOFF2 = /url\(\.\/files\/([^)]+\.woff2)\)/;
const RE_RANGE = /unicode-range:\s*([^;]+);/;

/** A character outside Latin (U+0000–024F) and General Punctuation (U+2000–206F), which IBM Plex always has. */
const RE_BEYOND_LATIN = /[^\u0000-\u024f\u2000-\u206f]/u;

type Range = [number, number];
interface Face {
  family: string;
  /** The subset the face belongs to, whatever its weight: `noto-sans-sc-12`. */
  subset: string;
  weight: string;
  file: string;
  css: string;
  ranges: Range[];
}

function parseRanges(text: string): Range[] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

function covers(ranges: Range[], cp: number): boolean {
  return ranges.some(([from, to]) => cp >= from && cp <= to);
}

async function parseFaces(specifier: string, family: string, weight: string, keep: RegExp): Promise<Face[]> {
  const cssPath = require.resolve(specifier);
  const css = await readFile(cssPath, 'utf8');
  const faces: Face[] = [];
  for (const block of css.match(RE_FACE) ?? []) {
    const file = RE_WOFF2.exec(block)?.[1];
    const range = RE_RANGE.exec(block)?.[1];
    if (!file || !range || !keep.test(file)) continue;
    const subset = file.replace(/-\d+-normal\.woff2$/, '');
    faces.push({ family, subset, weight, file: path.join(path.dirname(cssPath), 'files', file), css: block, ranges: parseRanges(range) });
  }
  return faces;
}

let catalogue: Promise<{ base: Range[]; faces: Face[] }> | undefined;

function loadCatalogue(): Promise<{ base: Range[]; faces: Face[] }> {
  catalogue ??= (async () => {
    const baseFaces = await parseFaces(BASE_CSS, 'IBM Plex Sans', '400', BASE_SUBSETS);
    const lists = await Promise.all(
      SCRIPT_FONTS.flatMap((font) => WEIGHTS.map((weight) => parseFaces(`${font.pkg}/${weight}.css`, font.family, weight, font.subsets))),
    );
    return { base: baseFaces.flatMap((f) => f.ranges), faces: lists.flat() };
  })();
  catalogue.catch(() => (catalogue = undefined));
  return catalogue;
}

function familyOrder(lang: string): string[] {
  const preferred = HAN_PREFERENCE[primaryLang(lang)];
  const families: string[] = SCRIPT_FONTS.map((f) => f.family);
  return preferred ? [preferred, ...families.filter((f) => f !== preferred)] : families;
}

/**
 * Which subset draws a character, per family order ('' for IBM Plex or none): scanning every face's
 * ranges for each character was most of a non-Latin build's composing time, and a watched or
 * batch build meets the same characters again. Bounded by the characters of Unicode.
 */
const subsetOf = new Map<string, Map<number, string>>();

/** The subsets needed to draw `text`: for each character outside IBM Plex, the first family that has it. */
export async function scriptSubsets(text: string, lang: string): Promise<Face[]> {
  // Most briefs are Latin with typographic punctuation, all in IBM Plex's own latin subsets: no
  // need to read the Noto catalogue (a good part of an HTML build's time) to find that out.
  if (!RE_BEYOND_LATIN.test(text)) return [];
  const { base, faces } = await loadCatalogue();
  const order = familyOrder(lang);
  const key = order.join();
  let lookup = subsetOf.get(key);
  if (!lookup) subsetOf.set(key, (lookup = new Map()));
  let regular: Face[] | undefined;
  const chosen = new Set<string>();
  const seen = new Set<number>();
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x250 || seen.has(cp)) continue;
    seen.add(cp);
    let subset = lookup.get(cp);
    if (subset === undefined) {
      regular ??= order.flatMap((family) => faces.filter((f) => f.family === family && f.weight === '400'));
      subset = covers(base, cp) ? '' : (regular.find((f) => covers(f.ranges, cp))?.subset ?? '');
      lookup.set(cp, subset);
    }
    if (subset) chosen.add(subset);
  }
  return faces.filter((f) => chosen.has(f.subset));
}

const woff2Cache = new Map<string, Promise<string>>();

function dataUrl(file: string): Promise<string> {
  let url = woff2Cache.get(file);
  if (!url) {
    url = readFile(file).then((bytes) => `data:font/woff2;base64,${bytes.toString('base64')}`);
    woff2Cache.set(file, url);
  }
  return url;
}

/** `@font-face` rules, fonts inlined, for the scripts in `text` that IBM Plex cannot draw. */
export async function loadScriptFonts(text: string, lang: string): Promise<string> {
  const faces = await scriptSubsets(text, lang);
  const rules = await Promise.all(
    faces.map(async (face) => face.css.replace(/src:[^;]+;/, `src: url(${await dataUrl(face.file)}) format('woff2');`)),
  );
  return rules.join('\n');
}
