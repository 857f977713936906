/** The slides of a deck as templates/deck.hbs lays them out: everything else is the page's shell. */
const RE_SLIDES = /(<div class="slides">)([\s\S]*?)(<\/div>\s*<\/div>\s*<script)/;

export type LiveMessage =
  | { type: 'slides'; html: string; moved: Record<string, string> }
  | { type: 'reload'; moved: Record<string, string> }
  | { type: 'error'; message: string };

function split(html: string): { shell: string; slides: string } | undefined {
  const m = RE_SLIDES.exec(html);
  if (!m) return undefined;
  return { shell: html.slice(0, m.index + m[1].length) + html.slice(m.index + m[1].length + m[2].length), slides: m[2] };
}

/**
 * How a page showing `before` catches up with `after`. When only slides changed (the usual edit),
 * the new slides are sent and swapped in place, which skips re-parsing reveal.js, fonts and theme;
 * any other change (theme, template, title) reloads the page.
 */
export function deckUpdate(before: string | undefined, after: string, moved: Record<string, string>): LiveMessage {
  const old = before === undefined ? undefined : split(before);
  const now = split(after);
  if (old && now && old.shell === now.shell) return { type: 'slides', html: now.slides, moved };
  return { type: 'reload', moved };
}
