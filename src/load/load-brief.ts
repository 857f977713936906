import path from 'node:path';
import { RE_CONTROL } from '../control-chars.js';
import { fail } from '../errors.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Imported } from '../import/import-text.js';
import type { Brief, LineSpan } from '../types.js';
import { convertInWorker } from './convert-in-worker.js';
import { decodeText } from './decode-text.js';
import { expandIncludes } from './expand-includes.js';
import { LIMITS, readConfined } from './read-confined.js';
import { readFrontMatter, type FrontMatter } from './read-front-matter.js';
import { readMeta, type MetaOverrides } from './read-meta.js';
import { markdownOfText } from './text-brief.js';

export { markdownOfText } from './text-brief.js';

export const RE_BRIEF_FILE = /\.(?:md|markdown)$/i;
/** Plain text, converted to Markdown in memory (src/import/); built only when named, never found in a folder. */
export const RE_TEXT_FILE = /\.txt$/i;
/** Everything `briefdeck import` reads, and a build converts in memory when it is named: plain text, Word, HTML. */
export const RE_IMPORT_FILE = /\.(?:txt|docx|html?)$/i;
/** What a brief's name is without: its Markdown or importable extension. */
export const RE_BRIEF_EXT = /\.(?:md|markdown|txt|docx|html?)$/i;
const RE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RE_H1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/** Decodes strictly: a brief that is not UTF-8 is an error at the line of the first bad byte. */
export function decodeBrief(bytes: Uint8Array, file: string): string {
  const decoded = decodeText(bytes);
  if ('utf16' in decoded) fail('utf16', 'the file is UTF-16; save it as UTF-8', { at: { file, line: 1 } });
  if ('binary' in decoded) fail('binary-file', `this is a binary file, not ${RE_TEXT_FILE.test(file) ? 'plain text' : 'a Markdown brief'}`, { at: { file, line: 1 } });
  if ('badLine' in decoded) fail('not-utf8', 'the file is not valid UTF-8 text (save it as UTF-8)', { at: { file, line: decoded.badLine } });
  return decoded.text;
}

/** The first ATX `#` heading outside code fences, used when the front matter has no title. */
export function firstH1(body: string): string | undefined {
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const f = RE_FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h = RE_H1.exec(line);
    if (h) return h[1].replace(/[*_`]/g, '').trim();
  }
  return undefined;
}

/** A brief named on the command line is trusted (read wherever it is), but still a regular file within LIMITS.brief. */
async function readBytes(file: string, limit: number = LIMITS.brief): Promise<Uint8Array> {
  const read = await readConfined(file, { limit });
  if ('bytes' in read) return read.bytes;
  switch (read.refused) {
    case 'missing':
      fail('file-missing', `no such file: ${file}`);
    case 'folder':
      fail('file-is-folder', `${file} is a folder, not a Markdown file`);
    case 'not-regular':
      // A device or pipe (/dev/zero, a FIFO) could be read forever.
      fail('file-not-regular', `${file} is not a regular file (a device, pipe or socket), not a Markdown brief`);
    case 'too-large': {
      const size = read.size === undefined ? `over ${limit / 2 ** 20} MB` : `${(read.size / 2 ** 20).toFixed(0)} MB`;
      fail('file-too-large', `${file} is ${size}; briefs are limited to ${limit / 2 ** 20} MB (split it into several briefs)`);
    }
    default:
      fail('file-unreadable', `cannot read ${file} ${read.message.replace(/^it cannot be read /, '')}`);
  }
}

/** The one read of a brief: bytes → text → front matter → included files → validated meta. */
export async function loadBrief(file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Promise<Brief> {
  if (RE_IMPORT_FILE.test(file)) return parseImported(await readImport(file, 'data'), file, diagnostics, overrides);
  const text = decodeBrief(await readBytes(file), file);
  const fm = splitBrief(text, file);
  const expanded = await expandIncludes(file, fm.body, fm.bodyLine);
  const brief = toBrief({ ...fm, body: expanded.body }, file, diagnostics, overrides);
  return expanded.lines ? { ...brief, lines: expanded.lines, includes: expanded.includes } : brief;
}

/** The pure half of `loadBrief`, for text that is already in memory (include directives stay comments). */
export function parseBrief(text: string, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  return toBrief(splitBrief(text, file), file, diagnostics, overrides);
}

/**
 * A .docx with its images may be larger than a Markdown brief; what it unzips to is limited in
 * src/import/docx-package.ts (`DOCX_UNZIPPED_LIMIT`).
 */
const DOCX_LIMIT = 50 * 2 ** 20;

/**
 * A document converted to a Markdown brief, read within its size limit (text decoded strictly).
 * Images of a Word document are `files` to write next to the brief (`briefdeck import`) or `data`
 * embedded in the Markdown (a build, which reads no file but the document).
 */
async function readImport(file: string, images: 'files' | 'data', timeLimit?: number): Promise<Imported> {
  if (/\.docx$/i.test(file)) return convertInWorker({ kind: 'docx', bytes: await readBytes(file, DOCX_LIMIT), file, images }, timeLimit);
  const text = decodeBrief(await readBytes(file), file);
  // The converters (Mammoth, the HTML parsers) run in a worker thread, within a time limit.
  return convertInWorker({ kind: /\.html?$/i.test(file) ? 'html' : 'text', text, file }, timeLimit);
}

export interface ImportOptions {
  /** Most milliseconds the conversion may take (default CONVERT_TIME_LIMIT, 30 s). */
  timeLimit?: number;
}

/** `briefdeck import FILE`: the Markdown brief (and images) for a .txt, .docx, .html or .htm file. */
export async function importFile(file: string, options: ImportOptions = {}): Promise<Imported> {
  if (!RE_IMPORT_FILE.test(file)) fail('import-format', 'briefdeck imports plain text (.txt), Word (.docx) and web pages (.html, .htm): name the file so', { at: { file, line: 1 } });
  return readImport(file, 'files', options.timeLimit);
}

/** Plain text as a brief, converted in memory; see `parseImported`. */
export function parseTextBrief(text: string, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  return parseImported(markdownOfText(text, file), file, diagnostics, overrides);
}

/**
 * An imported document as a brief. Its lines map to the original's own (`Brief.lines`: the line of
 * a text, the paragraph of a Word document), so what the stages report points there.
 */
function parseImported({ markdown, lines, dropped = [] }: Imported, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  for (const what of dropped) diagnostics.warn('import-dropped', what, { file, line: 1 });
  const brief = parseBrief(markdown, file, diagnostics, overrides);
  const spans: LineSpan[] = [];
  for (let n = brief.bodyLine; n <= lines.length; n++) {
    const last = spans.at(-1);
    if (!last || last.line + (n - last.from) !== lines[n - 1]) spans.push({ from: n, file, line: lines[n - 1] });
  }
  return { ...brief, lines: spans };
}

function splitBrief(text: string, file: string): FrontMatter {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') fail('empty-brief', 'the brief is empty', { at: { file, line: 1 } });
  const fm = readFrontMatter(clean, file);
  if (fm.body.trim() === '') {
    fail('no-content', 'the brief has front matter but no text after it', { at: { file, line: fm.bodyLine } });
  }
  return fm;
}

/** Why `name` cannot be a folder of its own in `--out`, beside the others and the listing of decks. */
function nameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (RE_CONTROL.test(name)) return 'it holds a control character';
  if (/[/\\]/.test(name)) return 'it holds a path separator';
  if (name.startsWith('.')) return 'it starts with a dot';
  if (name.toLowerCase() === 'index.html') return 'it is the name of the listing of decks';
  return undefined;
}

/**
 * A brief's name, and the name of its output folder: its file name without `.md` (or `.txt`). A name that
 * would write elsewhere than `<out>/<name>/` (`...md`, `.md`), over the listing (`index.html.md`),
 * or that a server or a terminal would read otherwise (`%2e%2e`, ESC) is an error.
 */
export function briefName(file: string): string {
  const name = path.basename(file).replace(RE_BRIEF_EXT, '');
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not %-escaped: the name is what it says.
  }
  const plain = nameProblem(name);
  const after = plain || decoded === name ? undefined : nameProblem(decoded);
  const why = plain ?? (after && `${after} once %-escapes are decoded`);
  if (why) fail('brief-name', `"${name}" cannot name the brief's output folder: ${why}; rename the file`, { at: { file, line: 1 } });
  return name;
}

function toBrief(fm: FrontMatter, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  const name = briefName(file);
  const fallbackTitle = (): string => {
    const h1 = firstH1(fm.body);
    diagnostics.warn(
      'no-title',
      h1 ? `no \`title\` in front matter; using the first # heading "${h1}"` : `no \`title\` in front matter and no # heading; using the file name "${name}"`,
      { file, line: 1 },
    );
    return h1 ?? name;
  };
  const meta = readMeta(fm, file, diagnostics, fallbackTitle, overrides);
  return { file, name, meta, body: fm.body, bodyLine: fm.bodyLine };
}
