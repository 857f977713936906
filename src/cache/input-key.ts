import { createHash } from 'node:crypto';
import { hashObject, stableJson } from '../hash.js';
import type { Brief, DeckAssets, ImageMap, TemplateSources } from '../types.js';

/**
 * Build options that never change what a deck looks like. `pdf`, `handout` and `pptx` are not here either: which outputs
 * exist is recorded beside the key, so `build` after `build --pdf` keeps the PDF instead of redoing
 * the deck. Every other option, including ones added later, is part of the key: unknown is unsafe.
 */
const NOT_IN_KEY = new Set(['outDir', 'pdf', 'handout', 'pptx', 'browser', 'diagnostics', 'force', 'signal']);

export interface KeyParts {
  brief: Brief;
  images: ImageMap;
  templates: TemplateSources;
  assets: DeckAssets;
  options: object;
  version: string;
}

function keyedOptions(options: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([k, v]) => !NOT_IN_KEY.has(k) && v !== undefined && typeof v !== 'function'));
}

/**
 * One hash of everything a deck is made from: equal keys mean equal outputs. The body is hashed as
 * expanded, so an edit to an included file changes the key; so does moving text between files,
 * through `lines`, because the diagnostics kept with the key name the files.
 */
export function inputKey(parts: KeyParts): string {
  const { brief } = parts;
  return createHash('sha256')
    .update(stableJson({ version: parts.version, options: keyedOptions(parts.options) }))
    .update('\0')
    .update(stableJson({ name: brief.name, meta: brief.meta, bodyLine: brief.bodyLine, lines: brief.lines }))
    .update('\0')
    .update(brief.body)
    .update('\0')
    .update(stableJson([...parts.images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .update(hashObject(parts.templates))
    .update(hashObject(parts.assets))
    .digest('hex');
}
