import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { fail } from '../errors.js';
import type { NamedFile, SourceRef } from '../types.js';
import { closest } from './closest.js';
import { decodeBrief } from './load-brief.js';
import { memoize } from './memoize.js';
import { LIMITS, readConfined, refusalCode } from './read-confined.js';
import { parseYaml } from './read-front-matter.js';
import { META_KEYS, type MetaDefaults } from './read-meta.js';

export const CONFIG_NAMES = ['briefdeck.config.json', 'briefdeck.config.yaml', 'briefdeck.config.yml'] as const;

/** A brief's own title keys make no sense as a default for every brief. */
const PER_BRIEF_KEYS = new Set(['title', 'subtitle', 'short_title']);
export const CONFIG_KEYS = [...META_KEYS.filter((k) => !PER_BRIEF_KEYS.has(k)), 'templates', 'pptx'] as const;

export interface BriefConfig {
  /** The config file read, if any. */
  file?: string;
  /** Front-matter defaults, located in the config file. */
  defaults: MetaDefaults;
  /** `templates:`, a folder inside the config file's folder; untrusted when the config was found, not given. */
  templates?: NamedFile;
  /** `pptx: true` (or `images`): every brief also gets its PowerPoint file, as with `--pptx`. */
  pptx?: boolean | 'images';
}

export const NO_CONFIG: BriefConfig = { defaults: { data: {}, keyRefs: new Map() } };

/** Anything by that name: a folder, pipe or symlink named like a config is refused when read, not passed over. */
async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}

/** The nearest `briefdeck.config.*` in the brief's folder or above it (the folder holding content/). */
export async function findConfig(startDir: string): Promise<string | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    const found: string[] = [];
    for (const name of CONFIG_NAMES) if (await exists(path.join(dir, name))) found.push(path.join(dir, name));
    if (found.length > 1) fail('config-ambiguous', `two config files in ${dir}: ${found.map((f) => path.basename(f)).join(' and ')}; keep one`);
    if (found.length === 1) return found[0];
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads a config file by the one confinement rule: a regular file within LIMITS.config, and, when
 * briefdeck found it (`found`) rather than the user naming it, inside the folder it was found in.
 */
async function readConfigBytes(file: string, found: boolean): Promise<Buffer> {
  const read = await readConfined(file, { root: found ? path.dirname(file) : undefined, limit: LIMITS.config });
  if ('bytes' in read) return read.bytes;
  if (read.refused === 'missing') fail('config-missing', `no such config file: ${file}`);
  fail(refusalCode('config', read), `cannot read the config ${path.relative(process.cwd(), file) || file}: ${read.message}`);
}

/** `templates:`: a folder inside the config's folder; what is in it is checked when the config was found. */
function templatesOf(value: unknown, at: SourceRef, file: string, found: boolean): NamedFile {
  if (typeof value !== 'string' || value.trim() === '') fail('config-type', '`templates` must be the path of a folder of templates', { at });
  const dir = path.dirname(path.resolve(file));
  return { path: path.resolve(dir, value.trim()), given: value.trim(), at, root: { dir, name: "the config's folder" }, untrusted: found || undefined };
}

/** Reads and checks a config file; values are validated with each brief, located in this file. */
export async function readConfig(file: string, diagnostics: Diagnostics, found = false): Promise<BriefConfig> {
  const bytes = await readConfigBytes(file, found);
  const shown = path.relative(process.cwd(), file) || file;
  // YAML is a superset of JSON, so one parser locates errors in both.
  const { data, keyRefs } = parseYaml(decodeBrief(bytes, shown), shown, { what: 'config', firstLine: 1 });
  const config: BriefConfig = { file, defaults: { data: {}, keyRefs: new Map() } };
  for (const [key, value] of Object.entries(data)) {
    const at = keyRefs.get(key) ?? { file: shown, line: 1 };
    if (key === 'templates') {
      config.templates = templatesOf(value, at, file, found);
    } else if (key === 'pptx') {
      if (typeof value !== 'boolean' && value !== 'images') fail('config-type', '`pptx` must be true, false or `images`', { at });
      config.pptx = value;
    } else if ((CONFIG_KEYS as readonly string[]).includes(key)) {
      config.defaults.data[key] = value;
      config.defaults.keyRefs.set(key, at);
    } else {
      const guess = closest(key, CONFIG_KEYS);
      const why = PER_BRIEF_KEYS.has(key) ? ' (set it in each brief\'s front matter)' : guess ? ` (did you mean \`${guess}\`?)` : '';
      diagnostics.warn('config-unknown-key', `unknown config key \`${key}\`${why}`, at);
    }
  }
  return config;
}

/** A run over many briefs in one folder looks for its config once. */
const findConfigOnce = memoize((dir: string) => findConfig(dir));

/** Watch mode: a config file added or removed since must be looked for again. */
export function forgetConfigs(): void {
  findConfigOnce.clear();
}

/** `--config FILE` when given, else the nearest config file above the brief, else none. */
export async function loadConfig(briefFile: string, diagnostics: Diagnostics, explicit?: string): Promise<BriefConfig> {
  if (explicit) return readConfig(explicit, diagnostics);
  const found = await findConfigOnce(path.resolve(path.dirname(briefFile)));
  return found ? readConfig(found, diagnostics, true) : NO_CONFIG;
}
