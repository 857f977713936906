import { createHash } from 'node:crypto';
import { hashObject, sha256, stableJson } from '../hash.js';
import type { TemplateSources } from '../types.js';

/**
 * What a slide's layout depends on, besides the page around it. Its number, id, source line and
 * notes are left out: a slide moved by an edit above it lays out exactly as before, so fit does not
 * measure it again. The footer's "n / N" is one line whatever the number.
 */
const NOT_LAYOUT = new Set(['id', 'line', 'number', 'total', 'numberLabel', 'notesHtml']);

export function slideLayoutKey(view: Record<string, unknown>): string {
  const hash = createHash('sha1');
  for (const [key, value] of Object.entries(view)) {
    if (NOT_LAYOUT.has(key) || value === undefined) continue;
    hash.update(key).update('\0').update(typeof value === 'string' ? value : JSON.stringify(value)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The page around the slides: the templates that draw it and each slide, the bundled styles, fonts
 * and scripts, and the page's own view (title, size, labels…). The big files are hashed once per
 * object, not once per render: fit renders a deck several times.
 */
export function deckLayoutKey(templates: TemplateSources, assets: object, page: object): string {
  return sha256(`${hashObject(templates)}\0${hashObject(assets)}\0${stableJson(page)}`);
}
