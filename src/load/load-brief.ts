import path from 'node:path';
import { RE_CONTROL } from '../control-chars.js';
import { fail } from '../errors.js';
import type { Diagnostics } from '../diagnostics.js';
import { importText, type Imported } from '../import/import-text.js';
import type { Brief, LineSpan } from '../types.js';
import { decodeText } from './decode-text.js';
import { expandIncludes } from './expand-includes.js';
import { LIMITS, readConfined } from './read-confined.js';
import { readFrontMatter, type FrontMatter } from './read-front-matter.js';
import { readMeta, type MetaOverrides } from './read-meta.js';

export const RE_BRIEF_FILE = /\.(?:md|markdown)$/i;
/** Plain text, converted to Markdown in memory (src/import/); built only when named, never found in a folder. */
export const RE_TEXT_FILE = /\.txt$/i;
/** What a brief's name is without: its Markdown or plain-text extension. */
export const RE_BRIEF_EXT = /\.(?:md|markdown|txt)$/i;
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
async function readBytes(file: string): Promise<Uint8Array> {
  const read = await readConfined(file, { limit: LIMITS.brief });
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
      const size = read.size === undefined ? `over ${LIMITS.brief / 2 ** 20} MB` : `${(read.size / 2 ** 20).toFixed(0)} MB`;
      fail('file-too-large', `${file} is ${size}; briefs are limited to ${LIMITS.brief / 2 ** 20} MB (split it into several briefs)`);
    }
    default:
      fail('file-unreadable', `cannot read ${file} ${read.message.replace(/^it cannot be read /, '')}`);
  }
}

/** The one read of a brief: bytes → text → front matter → included files → validated meta. */
export async function loadBrief(file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Promise<Brief> {
  refuseOtherFormats(file);
  const text = decodeBrief(await readBytes(file), file);
  if (RE_TEXT_FILE.test(file)) return parseTextBrief(text, file, diagnostics, overrides);
  const fm = splitBrief(text, file);
  const expanded = await expandIncludes(file, fm.body, fm.bodyLine);
  const brief = toBrief({ ...fm, body: expanded.body }, file, diagnostics, overrides);
  return expanded.lines ? { ...brief, lines: expanded.lines, includes: expanded.includes } : brief;
}

/** The pure half of `loadBrief`, for text that is already in memory (include directives stay comments). */
export function parseBrief(text: string, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  return toBrief(splitBrief(text, file), file, diagnostics, overrides);
}

/** Formats `briefdeck import` names but cannot read in this build: it needs converters it does not have. */
const RE_OTHER_IMPORT = /\.(?:docx|html?)$/i;

/** A Word document or web page, given to import or to a build: say what to do rather than read it as Markdown. */
function refuseOtherFormats(file: string): void {
  if (!RE_OTHER_IMPORT.test(file)) return;
  fail('import-format', `this build of briefdeck imports plain text (.txt) only, not ${path.extname(file).toLowerCase()}; save the document as plain text and import that`, { at: { file, line: 1 } });
}

/**
 * `briefdeck import FILE`: the file's text as a Markdown brief, read within the size limit of a
 * brief and decoded strictly. Plain text only; Word and HTML are refused with what to do instead.
 */
export async function importFile(file: string): Promise<Imported> {
  refuseOtherFormats(file);
  if (!RE_TEXT_FILE.test(file)) fail('import-format', 'briefdeck imports plain text: name the file .txt', { at: { file, line: 1 } });
  return markdownOfText(decodeBrief(await readBytes(file), file), file);
}

/** The Markdown that `briefdeck import` would write for plain text; an error when it has no words. */
export function markdownOfText(text: string, file: string): Imported {
  const imported = importText(text, path.basename(file));
  if (!imported) fail('empty-brief', 'the text file is empty', { at: { file, line: 1 } });
  return imported;
}

/**
 * Plain text as a brief, converted in memory. Its lines map to the text's own (`Brief.lines`), so
 * what the stages report about a paragraph points at the line of the text where it starts.
 */
export function parseTextBrief(text: string, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  const { markdown, lines } = markdownOfText(text, file);
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
