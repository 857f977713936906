const SLIDES_OPEN = '<div class="slides">';
/** What closes the slides in templates/deck.hbs: the two frame divs, then the first script. */
const RE_SLIDES_CLOSE = /<\/div>\s*<\/div>\s*$/;

/**
 * A deck's HTML cut into its shell (styles, fonts, scripts, the frame) and its slides. Undefined
 * when a custom `deck.hbs` no longer has the built-in layout: callers then treat the page as a whole.
 * Found with indexOf, not one lazy regular expression: decks are megabytes and this runs per edit.
 */
export function splitDeckHtml(html: string): { shell: string; slides: string } | undefined {
  const open = html.indexOf(SLIDES_OPEN);
  if (open < 0) return undefined;
  const start = open + SLIDES_OPEN.length;
  for (let at = html.indexOf('<script', start); at >= 0; at = html.indexOf('<script', at + 1)) {
    const close = RE_SLIDES_CLOSE.exec(html.slice(Math.max(start, at - 200), at));
    if (close) {
      const end = at - close[0].length;
      return { shell: html.slice(0, start) + html.slice(end), slides: html.slice(start, end) };
    }
  }
  return undefined;
}
