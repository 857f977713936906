import type { Diagnostics } from '../diagnostics.js';
import { fail } from '../errors.js';
import type { Brief } from '../types.js';
import { imageType } from './load-images.js';
import { LIMITS, readConfined, refusalCode, ruleOf } from './read-confined.js';

/**
 * The `logo` as a data: URL, so the deck stays one file. Read by the one confinement rule: a logo
 * outside the folder of the file that names it is an error; one that is missing, not a file, too
 * large or not an image is a warning, and the deck has none.
 */
export async function loadLogo(brief: Brief, diagnostics: Diagnostics): Promise<string | undefined> {
  const logo = brief.meta.logo;
  if (!logo) return undefined;
  const at = logo.at ?? { file: brief.file, line: 1 };
  const read = await readConfined(logo.path, ruleOf(logo, LIMITS.logo));
  if ('refused' in read) {
    const message = `cannot use the logo ${logo.given}: ${read.message}`;
    if (read.refused === 'outside') fail('logo-outside', message, { at });
    diagnostics.warn(refusalCode('logo', read), `${message}; the deck has none`, at);
    return undefined;
  }
  const type = imageType(read.bytes);
  if (!type) {
    diagnostics.warn('logo-not-image', `the logo ${logo.given} is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG)`, at);
    return undefined;
  }
  return `data:${type};base64,${read.bytes.toString('base64')}`;
}
