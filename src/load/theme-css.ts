import path from 'node:path';
import { imageType } from './load-images.js';
import { LIMITS, readConfined, refusalCode, type Confined } from './read-confined.js';

/** Reports a url() that was dropped: the code, the message, the line of the theme file it is on. */
export type ThemeWarn = (code: string, message: string, file: string, line: number) => void;

interface Context {
  /** The theme's folder, symlinks resolved: every file a url() names must be inside it. */
  root: string;
  /** The folder relative urls are resolved from (that of the file being read). */
  dir: string;
  /** The file being read, for locations. */
  file: string;
  warn: ThemeWarn;
  /** Files being read, for a cycle of @imports. */
  reading: Set<string>;
  /** For the whole theme: bytes embedded so far (against LIMITS.themeAssets), the warnings given, the files read. */
  shared: { used: number; warned: Set<string>; reads: Map<string, Promise<Confined>> };
}

const FONT_SIGNATURES: Array<[string, (b: Buffer) => boolean]> = [
  ['font/woff2', (b) => b.subarray(0, 4).toString('latin1') === 'wOF2'],
  ['font/woff', (b) => b.subarray(0, 4).toString('latin1') === 'wOFF'],
  ['font/otf', (b) => b.subarray(0, 4).toString('latin1') === 'OTTO'],
  ['font/ttf', (b) => b.readUInt32BE(0) === 0x00010000 || b.subarray(0, 4).toString('latin1') === 'true'],
];
const MAX_IMPORT_DEPTH = 8;
/** Distinct dropped urls named one by one; a theme of thousands gets one more line, not thousands. */
const MAX_WARNINGS = 20;
/** What a dropped url() becomes: still valid CSS, and it loads nothing. */
const NOTHING = 'url("data:,")';
const RE_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const RE_IDENT_CHAR = /[\w\u0080-\uffff-]/;
/** Functions whose string arguments are URLs without url(): `image-set("a.png" 1x)`, and `image()`, `src()` of newer CSS. */
const RE_STRING_URL_FUNCTION = /^(?:-webkit-)?image-set$|^image$|^src$/;

/**
 * A user's theme, made data rather than markup: every `url()`, `@import` and `image-set()` string
 * names a file inside the theme's folder, read by the one confinement rule and embedded as a
 * data: URL, or nothing (a located warning says why). Nothing a theme names is ever fetched, by the
 * deck's readers or by the Chromium that prints it. Read by a CSS tokenizer (comments, strings,
 * escapes), not a pattern, so `u\72 l(…)`, `URL( "…" )` or a url in a comment are told apart as
 * Chromium would. `</style` is handled where CSS goes into the page (render's styleSafe).
 */
export async function confineThemeCss(css: string, file: string, realFile: string, warn: ThemeWarn): Promise<string> {
  const root = path.dirname(realFile);
  return rewrite(css, { root, dir: root, file, warn, reading: new Set([realFile]), shared: { used: 0, warned: new Set(), reads: new Map() } }, 0);
}

/** A place in a stylesheet that names a URL: `[start, end)` of the text, the url as CSS means it (escapes decoded). */
export interface UrlToken {
  start: number;
  end: number;
  url: string;
  /** A stylesheet to import (`@import`), or anything else (an image, a font). */
  kind: 'url' | 'import';
}

async function rewrite(css: string, ctx: Context, depth: number): Promise<string> {
  let out = '';
  let from = 0;
  let line = 1;
  for (const token of urlTokens(css)) {
    for (let i = css.indexOf('\n', from); i >= 0 && i < token.start; i = css.indexOf('\n', i + 1)) line++;
    out += css.slice(from, token.start) + (await embed(token.url, token.kind === 'import', ctx, line, depth));
    from = token.end;
  }
  return out + css.slice(from);
}

async function embed(url: string, isImport: boolean, ctx: Context, line: number, depth: number): Promise<string> {
  const value = url.trim();
  // In-document references (SVG filters, masks) and data: URLs load nothing from anywhere.
  if (value === '' || value.startsWith('#') || /^data:/i.test(value)) return `url(${JSON.stringify(value)})`;
  const drop = (code: string, why: string): string => {
    const { warned } = ctx.shared;
    const key = `${code} ${value}`;
    if (warned.has(key) || warned.size > MAX_WARNINGS) return NOTHING;
    warned.add(key);
    if (warned.size > MAX_WARNINGS) ctx.warn('theme-url-more', `more of the theme's urls are left out (only the first ${MAX_WARNINGS} are named)`, ctx.file, line);
    else ctx.warn(code, `the theme's url(${value}) ${why}; it is left out`, ctx.file, line);
    return NOTHING;
  };
  if (RE_SCHEME.test(value) || value.startsWith('/') || value.startsWith('\\')) return drop('theme-url-outside', 'names a file or address outside the theme\'s folder: a theme may use only files beside it');
  const [pathPart, fragment = ''] = value.split('#', 2);
  const target = path.resolve(ctx.dir, decodePath(pathPart.split('?')[0]));
  let reading = ctx.shared.reads.get(target);
  if (!reading) ctx.shared.reads.set(target, (reading = readConfined(target, { root: ctx.root, rootName: "the theme's folder", limit: LIMITS.themeAsset })));
  const read = await reading;
  if ('refused' in read) return drop(refusalCode('theme-url', read), `cannot be used: ${read.message}`);
  if (ctx.shared.used + read.bytes.length > LIMITS.themeAssets) return drop('theme-url-too-large', `would make the theme's files larger than ${LIMITS.themeAssets / 2 ** 20} MB in all`);
  if (isImport) {
    if (ctx.reading.has(read.real)) return drop('theme-import-cycle', 'imports a stylesheet that imports it');
    if (depth >= MAX_IMPORT_DEPTH) return drop('theme-import-deep', `is nested more than ${MAX_IMPORT_DEPTH} @imports deep`);
    ctx.shared.used += read.bytes.length;
    const inner = { ...ctx, dir: path.dirname(read.real), file: target, reading: new Set([...ctx.reading, read.real]) };
    const imported = await rewrite(read.bytes.toString('utf8'), inner, depth + 1);
    return `url("data:text/css;base64,${Buffer.from(imported).toString('base64')}")`;
  }
  const type = imageType(read.bytes) ?? FONT_SIGNATURES.find(([, test]) => read.bytes.length >= 4 && test(read.bytes))?.[0];
  if (!type) return drop('theme-url-not-asset', 'is neither an image nor a font');
  ctx.shared.used += read.bytes.length;
  return `url("data:${type};base64,${read.bytes.toString('base64')}${fragment ? `#${fragment}` : ''}")`;
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every place in `css` that names a URL: `url(…)` tokens (whatever the case or escapes of the
 * name), the string after `@import`, and strings in an `image-set()`. Comments are skipped.
 */
export function urlTokens(css: string): UrlToken[] {
  const found: UrlToken[] = [];
  const functions: string[] = [];
  let importing = false;
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (c === '"' || c === "'") {
      const string = readString(css, i);
      if (importing || RE_STRING_URL_FUNCTION.test(functions.at(-1) ?? '')) found.push({ start: i, end: string.end, url: string.value, kind: importing ? 'import' : 'url' });
      importing = false;
      i = string.end;
    } else if (c === '@') {
      const name = readIdent(css, i + 1);
      importing = name.value.toLowerCase() === 'import';
      i = Math.max(name.end, i + 1);
    } else if (c === ';' || c === '{' || c === '}') {
      importing = false;
      i++;
    } else if (c === '(') {
      functions.push('');
      i++;
    } else if (c === ')') {
      functions.pop();
      i++;
    } else if (isIdentStart(css, i)) {
      const name = readIdent(css, i);
      if (css[name.end] !== '(') {
        i = name.end;
        continue;
      }
      const lower = name.value.toLowerCase();
      if (lower === 'url') {
        const url = readUrl(css, name.end + 1);
        found.push({ start: i, end: url.end, url: url.value, kind: importing ? 'import' : 'url' });
        importing = false;
        i = url.end;
      } else {
        functions.push(lower);
        i = name.end + 1;
      }
    } else i++;
  }
  return found;
}

function isIdentStart(css: string, i: number): boolean {
  const c = css[i];
  if (c === '\\') return css[i + 1] !== undefined && css[i + 1] !== '\n';
  if (c === '-') return RE_IDENT_CHAR.test(css[i + 1] ?? '') || css[i + 1] === '\\';
  return /[a-zA-Z_\u0080-\uffff]/.test(c);
}

/** A CSS escape at `i` (the backslash): the character it means and where it ends. */
function readEscape(css: string, i: number): { char: string; end: number } {
  const hex = /^[0-9a-fA-F]{1,6}/.exec(css.slice(i + 1, i + 7));
  if (!hex) return { char: css[i + 1] ?? '', end: Math.min(css.length, i + 2) };
  let end = i + 1 + hex[0].length;
  if (css[end] === '\r' && css[end + 1] === '\n') end += 2;
  else if (/[ \t\n\r\f]/.test(css[end] ?? '')) end++;
  const code = parseInt(hex[0], 16);
  return { char: code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code), end };
}

function readIdent(css: string, i: number): { value: string; end: number } {
  let value = '';
  while (i < css.length) {
    if (css[i] === '\\' && css[i + 1] !== '\n' && css[i + 1] !== undefined) {
      const escape = readEscape(css, i);
      value += escape.char;
      i = escape.end;
    } else if (RE_IDENT_CHAR.test(css[i])) value += css[i++];
    else break;
  }
  return { value, end: i };
}

function readString(css: string, i: number): { value: string; end: number } {
  const quote = css[i++];
  let value = '';
  while (i < css.length && css[i] !== quote && css[i] !== '\n') {
    if (css[i] === '\\') {
      if (css[i + 1] === '\n') i += 2;
      else {
        const escape = readEscape(css, i);
        value += escape.char;
        i = escape.end;
      }
    } else value += css[i++];
  }
  return { value, end: css[i] === quote ? i + 1 : i };
}

/** The inside of `url(` from `i`: a quoted string or an unquoted url, up to and past its `)`. */
function readUrl(css: string, i: number): { value: string; end: number } {
  while (/[ \t\n\r\f]/.test(css[i] ?? '')) i++;
  let value = '';
  if (css[i] === '"' || css[i] === "'") {
    const string = readString(css, i);
    value = string.value;
    i = string.end;
  } else {
    while (i < css.length && css[i] !== ')') {
      if (css[i] === '\\') {
        const escape = readEscape(css, i);
        value += escape.char;
        i = escape.end;
      } else value += css[i++];
    }
  }
  // Whatever is left before `)` (a bad url): skipped with it, so nothing of it stays to be fetched.
  const close = css.indexOf(')', i);
  return { value, end: close < 0 ? css.length : close + 1 };
}
