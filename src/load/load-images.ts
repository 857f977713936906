import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Token } from 'marked';
import type { Diagnostics } from '../diagnostics.js';
import type { Block, Brief } from '../types.js';
import { markdown } from '../lex/markdown.js';

/** Local images of a brief as data: URLs, keyed by the `src` written in the Markdown. */
export type ImageMap = Map<string, string>;

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

/** Images in source order, with the line of the block that holds each. */
export function imagesOf(blocks: Block[]): Array<{ src: string; alt: string; line: number }> {
  const found: Array<{ src: string; alt: string; line: number }> = [];
  for (const block of blocks) {
    markdown.walkTokens([block.token], (token: Token) => {
      if (token.type === 'image') found.push({ src: token.href, alt: token.text, line: block.line });
    });
  }
  return found;
}

function decodeSrc(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/**
 * Reads each local image once. A missing file, a file that is no image, or a path that leaves the
 * brief's folder is a located warning, and the slide shows a placeholder in its place.
 */
export async function loadImages(blocks: Block[], brief: Brief, diagnostics: Diagnostics): Promise<ImageMap> {
  const images: ImageMap = new Map();
  const root = await realpath(path.dirname(path.resolve(brief.file)));
  for (const { src, line } of imagesOf(blocks)) {
    if (images.has(src) || src === '') continue;
    const at = { file: brief.file, line };
    if (RE_REMOTE.test(src)) {
      if (!src.startsWith('data:')) diagnostics.warn('image-remote', `remote image ${src} is not embedded; the deck needs a network to show it`, at);
      continue;
    }
    const target = path.resolve(root, decodeSrc(src).split(/[?#]/)[0]);
    let real: string;
    try {
      real = await realpath(target);
    } catch {
      diagnostics.warn('image-missing', `image not found: ${src}`, at);
      continue;
    }
    if (real !== root && !real.startsWith(root + path.sep)) {
      diagnostics.warn('image-outside', `image ${src} is outside the brief's folder and is not embedded`, at);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(real);
    } catch (error) {
      diagnostics.warn('image-unreadable', `cannot read image ${src} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, at);
      continue;
    }
    const type = imageType(bytes);
    if (!type) {
      diagnostics.warn('image-not-image', `${src} is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)`, at);
      continue;
    }
    images.set(src, `data:${type};base64,${bytes.toString('base64')}`);
  }
  return images;
}
