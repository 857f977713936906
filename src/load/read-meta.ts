import { fail } from '../errors.js';
import type { Diagnostics } from '../diagnostics.js';
import { ASPECTS, DIVIDERS, MODES, PAPERS, type Aspect, type Author, type BriefMeta, type Divider, type Mode, type NamedFile, type SourceRef } from '../types.js';
import path from 'node:path';
import { hasLabels, LABEL_LANGS } from '../i18n/labels.js';
import { closest } from './closest.js';
import type { FrontMatter } from './read-front-matter.js';

export const THEMES = ['institutional', 'dark', 'contrast'] as const;
const RE_CSS_FILE = /\.css$/i;
export const DEFAULT_BUDGET = 100;
/**
 * Condensed slides are packed by bullets (three to five) and by measured room, not by words: the
 * word budget applies only when an author sets one.
 */
export const CONDENSED_BUDGET = 1000;
const RE_LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const RE_ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every key the front matter may hold; the README documents each one. */
export const META_KEYS = ['title', 'subtitle', 'short_title', 'author', 'authors', 'date', 'lang', 'theme', 'aspect', 'budget', 'mode',
  'organisation', 'logo', 'classification', 'version', 'source', 'contact', 'thanks', 'agenda', 'closing', 'dividers', 'keywords', 'paper'] as const;

/** Options that the CLI may set over the front matter. */
export interface MetaOverrides {
  budget?: number;
  theme?: string;
  aspect?: Aspect;
  /** Defaults for every brief from `briefdeck.config.*`: below the front matter, above built-ins. */
  defaults?: MetaDefaults;
  mode?: Mode;
  dividers?: Divider;
}

/** Front-matter-shaped defaults, each key located in the file that set it. */
export interface MetaDefaults {
  data: Record<string, unknown>;
  keyRefs: Map<string, SourceRef>;
}

export interface Context {
  file: string;
  refs: FrontMatter['keyRefs'];
  diagnostics: Diagnostics;
}

function at(ctx: Context, key: string): SourceRef {
  return ctx.refs.get(key) ?? { file: ctx.file, line: 1 };
}

function text(ctx: Context, key: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  fail('meta-type', `\`${key}\` must be text, not ${describe(value)}`, { at: at(ctx, key) });
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function readAuthors(ctx: Context, key: string, value: unknown): Author[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    if (typeof entry === 'string' && entry.trim()) return { name: entry.trim() };
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const { name, affiliation, ...rest } = entry as Record<string, unknown>;
      for (const extra of Object.keys(rest)) {
        ctx.diagnostics.warn('meta-unknown-key', `unknown key \`${extra}\` in \`${key}\` (known: name, affiliation)`, at(ctx, key));
      }
      const authorName = text(ctx, `${key}.name`, name);
      if (authorName) return { name: authorName, affiliation: text(ctx, `${key}.affiliation`, affiliation) };
    }
    fail('meta-type', `\`${key}\` entries must be a name or \`{ name, affiliation }\``, { at: at(ctx, key) });
  });
}

function readDate(ctx: Context, value: unknown): string | undefined {
  // YAML may already have turned an unquoted date into a Date.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return text(ctx, 'date', value);
}

function readBudget(ctx: Context, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 20 || value > 1000) {
    fail('meta-type', '`budget` must be a whole number of words between 20 and 1000', { at: at(ctx, 'budget') });
  }
  return value;
}

function readKeywords(ctx: Context, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : String(text(ctx, 'keywords', value) ?? '').split(',');
  return list.map((k) => text(ctx, 'keywords', k)).filter((k): k is string => k !== undefined);
}

function readChoice<T extends string>(ctx: Context, key: string, value: unknown, choices: readonly T[]): T | undefined {
  const given = text(ctx, key, value);
  if (given === undefined) return undefined;
  if ((choices as readonly string[]).includes(given)) return given as T;
  fail('meta-value', `\`${key}\` must be one of ${choices.join(', ')} (got "${given}")`, { at: at(ctx, key) });
}

function readFlag(ctx: Context, key: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  fail('meta-type', `\`${key}\` must be true or false`, { at: at(ctx, key) });
}

/** A path is relative to the file that names it, the brief or the config, and stays inside that file's folder. */
function readPath(ctx: Context, key: string, value: unknown): NamedFile | undefined {
  const given = text(ctx, key, value);
  if (given === undefined) return undefined;
  const where = at(ctx, key);
  const dir = path.resolve(path.dirname(where.file));
  return { path: path.resolve(dir, given), given, at: where, root: { dir, name: where.file === ctx.file ? "the brief's folder" : "the config's folder" } };
}

type Theme = Pick<BriefMeta, 'theme' | 'themeFile'>;

/** A built-in theme by name, or a user theme as a `.css` file laid over the built-in one. */
function readTheme(ctx: Context, value: unknown): Theme | undefined {
  const given = text(ctx, 'theme', value);
  if (given === undefined) return undefined;
  if (!RE_CSS_FILE.test(given)) return { theme: readChoice(ctx, 'theme', given, THEMES) as string };
  const file = readPath(ctx, 'theme', given) as NamedFile;
  return { theme: file.path, themeFile: file };
}

/** `--theme` (or the library's `theme` option): the user's own choice, so a file is read wherever it is. */
function themeOverride(theme: string): Theme {
  if (!RE_CSS_FILE.test(theme)) return { theme };
  const file = path.resolve(theme);
  return { theme: file, themeFile: { path: file, given: path.relative(process.cwd(), file) || file } };
}

function readLang(ctx: Context, value: unknown): string {
  const lang = text(ctx, 'lang', value) ?? 'en';
  if (!RE_LANG.test(lang)) fail('meta-value', `\`lang\` must be a language tag such as en or en-GB (got "${lang}")`, { at: at(ctx, 'lang') });
  if (!hasLabels(lang)) {
    ctx.diagnostics.warn('lang-no-labels', `no labels for language "${lang}"; briefdeck's own words stay in English (translated: ${LABEL_LANGS.join(', ')})`, at(ctx, 'lang'));
  }
  return lang;
}

/** The briefing furniture: who issues the brief, how it is marked, how it opens and closes. */
function readFurniture(ctx: Context, data: Record<string, unknown>): Pick<BriefMeta, 'organisation' | 'logo' | 'classification' | 'version' | 'source' | 'contact' | 'thanks' | 'agenda' | 'closing'> {
  return {
    organisation: text(ctx, 'organisation', data.organisation),
    logo: readPath(ctx, 'logo', data.logo),
    classification: text(ctx, 'classification', data.classification),
    version: text(ctx, 'version', data.version),
    source: text(ctx, 'source', data.source),
    contact: text(ctx, 'contact', data.contact),
    thanks: text(ctx, 'thanks', data.thanks),
    agenda: readFlag(ctx, 'agenda', data.agenda),
    closing: readFlag(ctx, 'closing', data.closing),
  };
}

/** Config defaults under the front matter; an author given in the brief replaces the config's. */
function withDefaults(fm: FrontMatter, defaults?: MetaDefaults): Pick<FrontMatter, 'data' | 'keyRefs'> {
  if (!defaults) return fm;
  const base = { ...defaults.data };
  if (fm.data.author !== undefined || fm.data.authors !== undefined) {
    delete base.author;
    delete base.authors;
  }
  return { data: { ...base, ...fm.data }, keyRefs: new Map([...defaults.keyRefs, ...fm.keyRefs]) };
}

/** Validates front matter into a `BriefMeta`; `fallbackTitle` comes from the body or file name. */
export function readMeta(
  fm: FrontMatter,
  file: string,
  diagnostics: Diagnostics,
  fallbackTitle: () => string,
  overrides: MetaOverrides = {},
): BriefMeta {
  for (const key of Object.keys(fm.data)) {
    if ((META_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, META_KEYS);
    diagnostics.warn('meta-unknown-key', `unknown front-matter key \`${key}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`, fm.keyRefs.get(key) ?? { file, line: 1 });
  }
  const merged = withDefaults(fm, overrides.defaults);
  const ctx: Context = { file, refs: merged.keyRefs, diagnostics };
  const data = merged.data;
  if (data.author !== undefined && data.authors !== undefined) {
    fail('meta-conflict', 'give either `author` or `authors`, not both', { at: at(ctx, 'authors') });
  }
  const lang = readLang(ctx, data.lang);
  const title = text(ctx, 'title', data.title) ?? fallbackTitle();
  const date = readDate(ctx, data.date);
  if (date && !RE_ISO_DATE.test(date)) {
    // Free text is allowed, but an ISO date lets the deck format it for the brief's language.
    diagnostics.warn('meta-date-format', `\`date\` "${date}" is shown as written; use YYYY-MM-DD to have it formatted`, at(ctx, 'date'));
  }
  const mode = overrides.mode ?? readChoice(ctx, 'mode', data.mode, MODES) ?? 'condensed';
  const authorKey = data.authors !== undefined ? 'authors' : 'author';
  const authorValue = data[authorKey];
  return {
    title,
    subtitle: text(ctx, 'subtitle', data.subtitle),
    shortTitle: text(ctx, 'short_title', data.short_title) ?? title,
    authors: authorValue === undefined || authorValue === null ? [] : readAuthors(ctx, authorKey, authorValue),
    date,
    lang,
    ...(overrides.theme !== undefined ? themeOverride(overrides.theme) : readTheme(ctx, data.theme) ?? { theme: 'institutional' }),
    aspect: overrides.aspect ?? readChoice(ctx, 'aspect', data.aspect, Object.keys(ASPECTS) as Aspect[]) ?? '16:9',
    budget: overrides.budget ?? readBudget(ctx, data.budget) ?? (mode === 'condensed' ? CONDENSED_BUDGET : DEFAULT_BUDGET),
    mode,
    keywords: readKeywords(ctx, data.keywords),
    paper: readChoice(ctx, 'paper', data.paper, PAPERS),
    ...readFurniture(ctx, data),
    dividers: overrides.dividers ?? readChoice(ctx, 'dividers', data.dividers, DIVIDERS) ?? 'auto',
  };
}
