import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRef, locateIn, type Diagnostics } from '../diagnostics.js';
import { fail } from '../errors.js';
import type { Brief, ImageMap, ImageRef, SourceRef } from '../types.js';
import { fetchImage } from './fetch-image.js';
import { LIMITS, readConfined, refusalCode } from './read-confined.js';


const RE_REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const SIGNATURES: Array<[string, (b: Buffer) => boolean]> = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['image/avif', (b) => b.subarray(4, 12).toString('latin1') === 'ftypavif'],
  ['image/svg+xml', (b) => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(b.subarray(0, 2048).toString('utf8'))],
];

export function imageType(bytes: Buffer): string | undefined {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0];
}

function decodeSrc(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

export interface ImageOptions {
  /** `--fetch-remote`: download http(s) images and embed them. */
  fetchRemote?: boolean;
  signal?: AbortSignal;
}

const RE_HTTP = /^https?:\/\//i;

/** A `file:` URL as a path; one that names another host can only be outside the brief's folder. */
function filePath(src: string): string {
  try {
    return fileURLToPath(new URL(src));
  } catch {
    return `//${src}`;
  }
}

function localPath(src: string): string {
  return src.toLowerCase().startsWith('file:') ? filePath(src) : decodeSrc(src).split(/[?#]/)[0];
}

/**
 * Reads one local image, relative to `base` (the folder of the file that names it), by the one
 * confinement rule: a path that leaves the brief's folder `root` (`..`, absolute, symlink) is an
 * error; one that is missing, not a file or too large is a warning, and the slide a placeholder.
 */
async function readLocal(src: string, root: string, base: string, at: SourceRef, diagnostics: Diagnostics): Promise<Buffer | undefined> {
  const read = await readConfined(path.resolve(base, localPath(src)), { root, rootName: "the brief's folder", limit: LIMITS.image });
  if ('bytes' in read) return read.bytes;
  if (read.refused === 'outside') fail('image-outside', `cannot use the image ${src}: ${read.message}; copy it next to the brief`, { at });
  if (read.refused === 'missing') diagnostics.warn('image-missing', `image not found: ${src}`, at);
  else diagnostics.warn(refusalCode('image', read), `cannot use the image ${src}: ${read.message}; the slide shows a placeholder`, at);
  return undefined;
}

/**
 * Reads each image once. A missing file or a file that is no image is a located warning, and the
 * slide shows a placeholder in its place; a path out of the brief's folder is an error. Remote
 * images are fetched only with `fetchRemote`, so builds stay offline and reproducible.
 */
export async function loadImages(refs: ImageRef[], brief: Brief, diagnostics: Diagnostics, options: ImageOptions = {}): Promise<ImageMap> {
  const images: ImageMap = new Map();
  const root = await realpath(path.dirname(path.resolve(brief.file)));
  const named = new Map<string, { base: string; at: SourceRef }>();
  for (const { src, line } of refs) {
    if (src === '' || src.startsWith('data:')) continue;
    const at = { file: brief.file, line };
    // An included file's images are relative to its own folder; the deck finds images by `src`.
    const base = path.dirname(path.resolve(locateIn(brief, at).file));
    const first = named.get(src) ?? { base, at };
    named.set(src, first);
    if (!RE_REMOTE.test(src) && path.resolve(first.base, localPath(src)) !== path.resolve(base, localPath(src))) {
      const there = formatRef(locateIn(brief, first.at));
      fail('image-ambiguous', `image ${src} names another file here than at ${there}; give one of them another path`, { at });
    }
    if (images.has(src)) continue;
    let bytes: Buffer | undefined;
    if (RE_HTTP.test(src)) {
      if (!options.fetchRemote) {
        diagnostics.warn('image-remote', `remote image ${src} is not fetched (use --fetch-remote to embed it); the slide shows a placeholder`, at);
        continue;
      }
      bytes = await fetchImage(src, at, diagnostics, options.signal);
    } else if (RE_REMOTE.test(src) && !/^file:/i.test(src)) {
      diagnostics.warn('image-scheme', `image ${src} uses a scheme briefdeck does not load; the slide shows a placeholder`, at);
      continue;
    } else {
      bytes = await readLocal(src, root, base, at, diagnostics);
    }
    if (!bytes) continue;
    const type = imageType(bytes);
    if (!type) {
      diagnostics.warn('image-not-image', `${src} is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)`, at);
      continue;
    }
    images.set(src, `data:${type};base64,${bytes.toString('base64')}`);
  }
  return images;
}
