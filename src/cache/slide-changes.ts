import type { Deck } from '../types.js';
import type { ManifestDeck } from './manifest.js';
import { sha256 } from './manifest.js';

export interface SlideChanges {
  added: string[];
  removed: string[];
  changed: string[];
  /** Slides in the new deck. */
  total: number;
  /** False for a folder's first build: there is nothing to compare with. */
  compared: boolean;
}

/**
 * A slide's hash covers what it shows and says, not its source line or number: text added above a
 * slide moves it without changing it.
 */
export function slideHashes(deck: Deck): ManifestDeck['slides'] {
  return deck.slides.map((s) => ({ id: s.id, sha256: sha256(JSON.stringify([s.kind, s.title, s.part, s.parts, s.bodyHtml, s.notesHtml])) }));
}

/** Slide-level difference between two builds, matched by stable slide id. */
export function diffSlides(before: ManifestDeck['slides'] | undefined, after: ManifestDeck['slides']): SlideChanges {
  const old = new Map((before ?? []).map((s) => [s.id, s.sha256]));
  const now = new Set(after.map((s) => s.id));
  return {
    added: after.filter((s) => !old.has(s.id)).map((s) => s.id),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: after.filter((s) => old.has(s.id) && old.get(s.id) !== s.sha256).map((s) => s.id),
    total: after.length,
    compared: before !== undefined,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 slides changed (context-p1, context-p2), 1 added (risks-p3), 0 removed`. */
export function describeChanges(changes: SlideChanges, limit = 3): string {
  const part = (ids: string[], what: string): string => {
    const shown = ids.slice(0, limit).join(', ') + (ids.length > limit ? ', …' : '');
    return ids.length > 0 ? `${ids.length} ${what} (${shown})` : `0 ${what}`;
  };
  if (!changes.compared) return plural(changes.total, 'slide');
  if (changes.added.length + changes.removed.length + changes.changed.length === 0) return `${plural(changes.total, 'slide')}, none changed`;
  return `${plural(changes.total, 'slide')}: ${[part(changes.changed, 'changed'), part(changes.added, 'added'), part(changes.removed, 'removed')].join(', ')}`;
}
