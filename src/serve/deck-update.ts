import { splitDeckHtml } from '../render/deck-shell.js';

export type LiveMessage =
  | { type: 'slides'; html: string; moved: Record<string, string> }
  | { type: 'reload'; moved: Record<string, string> }
  | { type: 'error'; message: string };

/**
 * How a page showing `before` catches up with `after`. When only slides changed (the usual edit),
 * the new slides are sent and swapped in place, which skips re-parsing reveal.js, fonts and theme;
 * any other change (theme, template, title) reloads the page.
 */
export function deckUpdate(before: string | undefined, after: string, moved: Record<string, string>): LiveMessage {
  const old = before === undefined ? undefined : splitDeckHtml(before);
  const now = splitDeckHtml(after);
  if (old && now && old.shell === now.shell) return { type: 'slides', html: now.slides, moved };
  return { type: 'reload', moved };
}
