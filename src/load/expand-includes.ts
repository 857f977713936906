import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { formatRef } from '../diagnostics.js';
import { fail } from '../errors.js';
import type { LineSpan, SourceRef } from '../types.js';
import { decodeText } from './decode-text.js';
import { LIMITS, readConfined } from './read-confined.js';

/** `<!-- include: path -->` alone on a line, outside code; the path is relative to the file it is in. */
export const RE_INCLUDE = /^ {0,3}<!--[ \t]*include:[ \t]*(.*?)[ \t]*-->[ \t]*$/i;
const RE_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Front matter, not a thematic break: an opening line and a closing one.
const RE_FRONT_MATTER = /^(?:---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n[\s\S]*?\n\+\+\+)[ \t]*(?:\n|$)/;
/** Deep enough for parts of parts; a deeper chain is surely a mistake. */
export const MAX_INCLUDE_DEPTH = 8;

export interface Expanded {
  body: string;
  /** Where each line of `body` comes from; absent when nothing was included. */
  lines?: LineSpan[];
  /** Every included file, as a path like the brief's, in the order first met. */
  includes: string[];
}

interface Run {
  /** The brief's folder, resolved: nothing outside it may be included. */
  root: string;
  /** Folder the brief is in, as given: included files are named relative to it in messages. */
  shownRoot: string;
  lines: string[];
  origins: SourceRef[];
  includes: string[];
  bytes: number;
}

/** Tracks fenced code blocks, so a directive shown inside one stays text. */
function fenceAfter(open: string | undefined, line: string): string | undefined {
  const fence = RE_FENCE.exec(line);
  if (!open) return fence && !(fence[1][0] === '`' && fence[2].includes('`')) ? fence[1] : undefined;
  return fence && fence[1][0] === open[0] && fence[1].length >= open.length && fence[2].trim() === '' ? undefined : open;
}

function refuse(src: string, reason: string, at: SourceRef): never {
  fail('include-refused', `cannot include ${src}: ${reason}`, { at });
}

/**
 * Reads an included file through the one confinement rule (inside the brief's folder after
 * symlinks, a regular file), within what is left of the brief's size limit.
 */
async function readInclude(src: string, at: SourceRef, run: Run): Promise<{ file: string; real: string; text: string }> {
  if (path.isAbsolute(src)) refuse(src, 'absolute paths are refused; give the path relative to this file', at);
  const file = path.join(path.dirname(at.file), src);
  const read = await readConfined(file, { root: run.root, rootName: "the brief's folder", limit: LIMITS.brief - run.bytes });
  if ('refused' in read) {
    refuse(src, read.refused === 'too-large' ? `the brief and its includes would pass the ${LIMITS.brief / 2 ** 20} MB limit of a brief` : read.message, at);
  }
  run.bytes += read.bytes.length;
  const decoded = decodeText(read.bytes);
  if ('utf16' in decoded) fail('utf16', `the file is UTF-16; save it as UTF-8 (it is included at ${formatRef(at)})`, { at: { file, line: 1 } });
  if ('binary' in decoded) refuse(src, 'it is a binary file, not Markdown', at);
  if ('badLine' in decoded) refuse(src, `it is not valid UTF-8 text (its line ${decoded.badLine}); save it as UTF-8`, at);
  return { file, real: read.real, text: decoded.text.replace(/^\uFEFF/, '') };
}

/** `file` named as in messages about the chain: relative to the brief's folder. */
function shown(file: string, run: Run): string {
  return path.relative(run.shownRoot, file) || file;
}

/** A file in the chain of includes: as named, and as resolved (for cycles). */
interface Link {
  file: string;
  real: string;
}

async function expandText(text: string, file: string, firstLine: number, chain: Link[], run: Run): Promise<void> {
  let fence: string | undefined;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const at = { file, line: firstLine + i };
    run.lines.push(line);
    run.origins.push(at);
    const directive = fence ? undefined : RE_INCLUDE.exec(line);
    fence = fenceAfter(fence, line);
    if (!directive) continue;
    if (!directive[1]) fail('include-no-path', 'the include directive names no file: write <!-- include: path/to/part.md -->', { at });
    const { text: included, ...target } = await readInclude(directive[1], at, run);
    const trail = [...chain, target].map((link) => shown(link.file, run)).join(' → ');
    if (chain.some((link) => link.real === target.real)) fail('include-cycle', `include cycle: ${trail}`, { at });
    if (chain.length > MAX_INCLUDE_DEPTH) fail('include-depth', `includes nest more than ${MAX_INCLUDE_DEPTH} deep: ${trail}`, { at });
    if (RE_FRONT_MATTER.test(included)) {
      fail('include-front-matter', `an included file cannot have front matter (it is included at ${shown(file, run)}:${at.line}); move its keys to the brief`, { at: { file: target.file, line: 1 } });
    }
    if (!run.includes.includes(target.file)) run.includes.push(target.file);
    // The directive line stays (lexing drops it), so the brief's own first line is always its own.
    await expandText(included.replace(/\n$/, ''), target.file, 1, [...chain, target], run);
  }
}

/** Runs of consecutive lines from one file, so a body line maps back in one lookup. */
function toSpans(origins: SourceRef[], firstLine: number): LineSpan[] {
  const spans: LineSpan[] = [];
  origins.forEach((o, i) => {
    const last = spans.at(-1);
    if (last && last.file === o.file && last.line + (firstLine + i - last.from) === o.line) return;
    spans.push({ from: firstLine + i, file: o.file, line: o.line });
  });
  return spans;
}

/**
 * Inserts the text of each `<!-- include: path -->` after its directive, recursively. Included files
 * must be UTF-8 Markdown without front matter, inside the brief's folder (after symlinks); cycles
 * and chains deeper than MAX_INCLUDE_DEPTH are refused. Every refusal is located at its directive.
 */
export async function expandIncludes(file: string, body: string, bodyLine: number): Promise<Expanded> {
  if (!body.split('\n').some((line) => RE_INCLUDE.test(line))) return { body, includes: [] };
  const root = await realpath(path.dirname(path.resolve(file)));
  const run: Run = { root, shownRoot: path.dirname(file), lines: [], origins: [], includes: [], bytes: Buffer.byteLength(body) };
  await expandText(body, file, bodyLine, [{ file, real: await realpath(file) }], run);
  if (run.includes.length === 0) return { body, includes: [] };
  return { body: run.lines.join('\n'), lines: toSpans(run.origins, bodyLine), includes: run.includes };
}
