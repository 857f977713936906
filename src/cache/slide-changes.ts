import type { BriefMeta, Deck } from '../types.js';
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
  /** What every slide shows around its content that changed (FURNITURE's words): no slide's own hash sees it. */
  everySlide: string[];
}

/** Shown on every slide (footer, banners, the page around them), in the words a summary line uses. */
const FURNITURE: Record<string, (meta: BriefMeta) => unknown> = {
  'the short title': (m) => m.shortTitle,
  'the organisation': (m) => m.organisation,
  'the classification': (m) => m.classification,
  'the date': (m) => m.date,
  'the version': (m) => m.version,
  'the logo': (m) => m.logo?.path,
  'the theme': (m) => m.theme,
  'the slide shape': (m) => m.aspect,
};

/** A hash of each piece of furniture, recorded with the slides' hashes. */
export function furnitureHashes(deck: Deck): Record<string, string> {
  return Object.fromEntries(Object.entries(FURNITURE).map(([name, value]) => [name, sha256(JSON.stringify(value(deck.brief.meta) ?? null))]));
}

/**
 * A slide's hash covers what it shows and says, not its source line or number: text added above a
 * slide moves it without changing it.
 */
export function slideHashes(deck: Deck): ManifestDeck['slides'] {
  return deck.slides.map((s) => ({ id: s.id, sha256: sha256(JSON.stringify([s.kind, s.title, s.part, s.parts, s.bodyHtml, s.notesHtml])) }));
}

/** Slide-level difference between two builds, matched by stable slide id. */
export function diffSlides(
  before: ManifestDeck['slides'] | undefined,
  after: ManifestDeck['slides'],
  furniture: { before?: Record<string, string>; after?: Record<string, string> } = {},
): SlideChanges {
  const old = new Map((before ?? []).map((s) => [s.id, s.sha256]));
  const now = new Set(after.map((s) => s.id));
  const was = furniture.before;
  // A manifest from before furniture was recorded compares none.
  const everySlide = was ? Object.entries(furniture.after ?? {}).filter(([name, hash]) => was[name] !== undefined && was[name] !== hash).map(([name]) => name) : [];
  return {
    everySlide,
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
  const around = changes.everySlide.length > 0 ? `${listed(changes.everySlide)} changed on every slide` : '';
  if (changes.added.length + changes.removed.length + changes.changed.length === 0) return `${plural(changes.total, 'slide')}${around ? `: ${around}` : ', none changed'}`;
  return `${plural(changes.total, 'slide')}: ${[part(changes.changed, 'changed'), part(changes.added, 'added'), part(changes.removed, 'removed')].join(', ')}${around ? `; ${around}` : ''}`;
}

/** `the date`, `the date and the logo`, `the date, the version and the logo`. */
function listed(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
