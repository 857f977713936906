import { createHash } from 'node:crypto';
import type { DeckAssets } from '../load/load-assets.js';
import type { ImageMap } from '../load/load-images.js';
import type { TemplateSources } from '../load/load-templates.js';
import type { Brief } from '../types.js';

/**
 * Build options that never change what a deck looks like. `pdf` is not here either: which outputs
 * exist is recorded beside the key, so `build` after `build --pdf` keeps the PDF instead of redoing
 * the deck. Every other option, including ones added later, is part of the key: unknown is unsafe.
 */
const NOT_IN_KEY = new Set(['outDir', 'pdf', 'browser', 'diagnostics', 'force', 'signal']);

export interface KeyParts {
  brief: Brief;
  images: ImageMap;
  templates: TemplateSources;
  assets: DeckAssets;
  options: object;
  version: string;
}

const assetHashes = new WeakMap<object, string>();

/** Assets and templates are shared objects, cached per process: each is hashed once. */
function hashOf(value: object): string {
  let hash = assetHashes.get(value);
  if (!hash) {
    hash = createHash('sha256').update(stableJson(value)).digest('hex');
    assetHashes.set(value, hash);
  }
  return hash;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
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
    .update(hashOf(parts.templates))
    .update(hashOf(parts.assets))
    .digest('hex');
}
