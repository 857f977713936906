import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Brief } from '../types.js';
import { decodeText, MAX_BRIEF_BYTES } from './decode-text.js';
import { expandIncludes } from './expand-includes.js';
import { readFrontMatter, type FrontMatter } from './read-front-matter.js';
import { readMeta, type MetaOverrides } from './read-meta.js';

export { MAX_BRIEF_BYTES };

const RE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RE_H1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/** Decodes strictly: a brief that is not UTF-8 is an error at the line of the first bad byte. */
export function decodeBrief(bytes: Uint8Array, file: string): string {
  const decoded = decodeText(bytes);
  if ('binary' in decoded) fail('binary-file', 'this is a binary file, not a Markdown brief', { at: { file, line: 1 } });
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

async function readBytes(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('file-missing', `no such file: ${file}`);
    fail('file-unreadable', `cannot read ${file} (${code ?? String(error)})`);
  }
  if (info.isDirectory()) fail('file-is-folder', `${file} is a folder, not a Markdown file`);
  // A device or pipe (/dev/zero, a FIFO) could be read forever.
  if (!info.isFile()) fail('file-not-regular', `${file} is not a regular file (a device, pipe or socket), not a Markdown brief`);
  if (info.size > MAX_BRIEF_BYTES) {
    fail('file-too-large', `${file} is ${(info.size / 2 ** 20).toFixed(0)} MB; briefs are limited to ${MAX_BRIEF_BYTES / 2 ** 20} MB (split it into several briefs)`);
  }
  try {
    return await readFile(file);
  } catch (error) {
    fail('file-unreadable', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The one read of a brief: bytes → text → front matter → included files → validated meta. */
export async function loadBrief(file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Promise<Brief> {
  const fm = splitBrief(decodeBrief(await readBytes(file), file), file);
  const expanded = await expandIncludes(file, fm.body, fm.bodyLine);
  const brief = toBrief({ ...fm, body: expanded.body }, file, diagnostics, overrides);
  return expanded.lines ? { ...brief, lines: expanded.lines, includes: expanded.includes } : brief;
}

/** The pure half of `loadBrief`, for text that is already in memory (include directives stay comments). */
export function parseBrief(text: string, file: string, diagnostics: Diagnostics, overrides?: MetaOverrides): Brief {
  return toBrief(splitBrief(text, file), file, diagnostics, overrides);
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

/** A brief's name, and the name of its output folder: its file name without `.md`. */
export function briefName(file: string): string {
  return path.basename(file).replace(/\.(md|markdown)$/i, '');
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
