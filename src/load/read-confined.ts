import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NamedFile } from '../types.js';

/**
 * The most a file a brief names may hold, by what it is. A file is read up to its limit and no
 * further, so `/dev/zero` or a file that grows while it is read cannot exhaust the process.
 */
export const LIMITS = {
  /**
   * A brief with everything it includes. A 300-page report is about 1 MB of Markdown; ten times
   * that still builds in under a minute. Past it a brief is surely not prose, and would take
   * minutes and gigabytes to build (measured: 5 MB, 14,761 slides, 40 s, 270 MB).
   */
  brief: 10 * 2 ** 20,
  /** A local image, or one downloaded with `--fetch-remote`: larger is surely not meant for a slide. */
  image: 20 * 2 ** 20,
  logo: 5 * 2 ** 20,
  theme: 2 * 2 ** 20,
  /** A font or image that a theme's `url()` names. */
  themeAsset: 10 * 2 ** 20,
  /** All a theme's url()s together, each use counted: they are copied into the deck as data: URLs. */
  themeAssets: 20 * 2 ** 20,
  template: 2 ** 20,
  config: 2 ** 20,
} as const;

/** Why a file was not read; `message` completes "cannot read FILE: …". */
export type Refusal =
  | { refused: 'missing'; message: string }
  | { refused: 'outside'; message: string }
  | { refused: 'folder'; message: string }
  | { refused: 'not-regular'; message: string }
  | { refused: 'not-folder'; message: string }
  | { refused: 'too-large'; message: string; size?: number }
  | { refused: 'unreadable'; message: string };

export type Confined = { bytes: Buffer; real: string } | Refusal;

const CODE_SUFFIX = {
  missing: 'missing',
  outside: 'outside',
  folder: 'not-file',
  'not-regular': 'not-file',
  'not-folder': 'not-folder',
  'too-large': 'too-large',
  unreadable: 'unreadable',
} as const satisfies Record<Refusal['refused'], string>;

/** The diagnostic code of a refusal, by what was refused: `logo-outside`, `image-too-large`… */
export function refusalCode(what: string, refusal: Refusal): string {
  return `${what}-${CODE_SUFFIX[refusal.refused]}`;
}

/** A named file's rule, in readConfined's terms. */
export function ruleOf(file: NamedFile, limit: number): Rule {
  return { root: file.root?.dir, rootName: file.root?.name, limit };
}

export interface Rule {
  /**
   * The folder the file must stay inside once symlinks are resolved: the brief's, or that of the
   * config file that names it. Absent for a path the user gave on the command line (trusted, but
   * still a regular file within `limit`).
   */
  root?: string;
  /** What messages call `root`: "the brief's folder", "the config's folder"… */
  rootName?: string;
  /** Bytes; see LIMITS. */
  limit: number;
}

export function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function megabytes(bytes: number): string {
  return bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MB` : `${Math.round(bytes / 1024)} KB`;
}

async function resolveInside(file: string, rule: Pick<Rule, 'root' | 'rootName'>): Promise<{ real: string } | Refusal> {
  const { root, rootName = 'its folder' } = rule;
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { refused: 'missing', message: 'no such file' };
    return { refused: 'unreadable', message: `it cannot be read (${code ?? String(error)})` };
  }
  if (root === undefined) return { real };
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  if (isInside(realRoot, real)) return { real };
  const lexical = path.resolve(file);
  const message = isInside(path.resolve(root), lexical) || isInside(realRoot, lexical)
    ? `it links to ${real}, outside ${rootName} (${realRoot})`
    : `it is outside ${rootName} (${realRoot})`;
  return { refused: 'outside', message };
}

/**
 * The one way briefdeck reads a file that a brief, its config or its theme names: inside `root`
 * after symlinks, a regular file (never a folder, device, FIFO or socket: opened without blocking,
 * then checked on the open descriptor), and at most `limit` bytes, read without reading more.
 */
export async function readConfined(file: string, rule: Rule): Promise<Confined> {
  const inside = await resolveInside(file, rule);
  if ('refused' in inside) return inside;
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = await open(inside.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { refused: 'missing', message: 'no such file' };
    if (code === 'EISDIR') return { refused: 'folder', message: 'it is a folder, not a file' };
    return { refused: 'unreadable', message: `it cannot be read (${code ?? String(error)})` };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { refused: 'folder', message: 'it is a folder, not a file' };
    if (!info.isFile()) return { refused: 'not-regular', message: 'it is not a regular file (a device, pipe or socket)' };
    if (info.size > rule.limit) return { refused: 'too-large', message: `it is larger than ${megabytes(rule.limit)} (${megabytes(info.size)})`, size: info.size };
    const bytes = await readAtMost(handle, rule.limit);
    if (!bytes) return { refused: 'too-large', message: `it is larger than ${megabytes(rule.limit)}` };
    return { bytes, real: inside.real };
  } catch (error) {
    return { refused: 'unreadable', message: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    await handle.close();
  }
}

/** A folder a brief or config names (templates): inside `root` after symlinks, and a folder. */
export async function confineFolder(dir: string, rule: Pick<Rule, 'root' | 'rootName'>): Promise<{ real: string } | Refusal> {
  const inside = await resolveInside(dir, rule);
  if ('refused' in inside) return inside;
  const info = await stat(inside.real);
  return info.isDirectory() ? inside : { refused: 'not-folder', message: 'it is not a folder' };
}

/** The file's bytes, or `undefined` when it holds more than `limit` (it may have grown since fstat). */
async function readAtMost(handle: import('node:fs/promises').FileHandle, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > limit) return undefined;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
  }
}
