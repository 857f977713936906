import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import type { Brief } from '../types.js';
import { imageType } from './load-images.js';

/** The `logo` as a data: URL, so the deck stays one file; a logo that cannot be used is a warning. */
export async function loadLogo(brief: Brief, diagnostics: Diagnostics): Promise<string | undefined> {
  const file = brief.meta.logo;
  if (!file) return undefined;
  const at = { file: brief.file, line: 1 };
  const shown = path.relative(process.cwd(), file) || file;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    diagnostics.warn('logo-missing', `cannot read the logo ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'}); the deck has none`, at);
    return undefined;
  }
  const type = imageType(bytes);
  if (!type) {
    diagnostics.warn('logo-not-image', `the logo ${shown} is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)`, at);
    return undefined;
  }
  return `data:${type};base64,${bytes.toString('base64')}`;
}
