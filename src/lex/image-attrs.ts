import { Renderer, type MarkedExtension, type Token, type Tokens } from 'marked';

/**
 * Image size attributes as Quarto and Pandoc write them, right after the image:
 * `![Gas storage](storage.png){width=60%}`, `{width=400px}`, `{height=8cm}`. The braces are part
 * of the image (moved into its `raw`), so they are never shown as text and a split never cuts them.
 */
export interface ImageAttrs {
  /** As an `<img>` attribute takes it: `60%`, or canvas pixels (`400px`, `400`, `8cm` at 96 per inch). */
  width?: string;
  height?: string;
  /** What was written but is not understood (`.class`, `#id`, `fig-align=center`, `width=big`), for a warning. */
  unknown: string[];
  /** The braces as written, to locate that warning. */
  raw: string;
}

export type AttributedImage = Tokens.Image & { attrs?: ImageAttrs };

const RE_BRACES = /^\{([^{}\n]*)\}/;
const RE_ITEM = /([.#][\w:-]+)|([A-Za-z][\w:-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+))/y;
const RE_SIZE = /^(\d+(?:\.\d+)?|\.\d+)(px|%|cm|mm|in|pt)?$/i;
const SIZES = new Set(['width', 'height']);
/** Pixels per unit: CSS's 96 per inch. An `<img>` attribute takes pixels or a percentage only. */
const PX = { px: 1, cm: 96 / 2.54, mm: 96 / 25.4, in: 96, pt: 96 / 72 } as const;

function sizeOf(value: string): string | undefined {
  const m = RE_SIZE.exec(value.trim());
  const n = m ? Number(m[1]) : 0;
  if (!m || !(n > 0)) return undefined;
  const unit = (m[2] ?? 'px').toLowerCase();
  if (unit === '%') return n <= 100 ? `${n}%` : undefined;
  return String(Math.round(n * PX[unit as keyof typeof PX]));
}

/** The attributes of `{…}` when every item in it is an attribute; otherwise it is text, left alone. */
export function parseAttrs(inner: string): Omit<ImageAttrs, 'raw'> | undefined {
  const attrs: Omit<ImageAttrs, 'raw'> = { unknown: [] };
  let at = 0;
  for (;;) {
    while (at < inner.length && /\s/.test(inner[at])) at++;
    if (at >= inner.length) break;
    RE_ITEM.lastIndex = at;
    const m = RE_ITEM.exec(inner);
    if (!m) return undefined;
    at = RE_ITEM.lastIndex;
    if (at < inner.length && !/\s/.test(inner[at])) return undefined;
    const [item, classOrId, key, ...values] = m;
    const size = !classOrId && SIZES.has(key.toLowerCase()) ? sizeOf(values.find((v) => v !== undefined) ?? '') : undefined;
    if (size) attrs[key.toLowerCase() as 'width' | 'height'] = size;
    else attrs.unknown.push(item);
  }
  return attrs.width || attrs.height || attrs.unknown.length > 0 ? attrs : undefined;
}

/** Moves `{…}` after each image of one run of inline tokens into the image. */
function attachIn(tokens: Token[]): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const image = tokens[i];
    const next = tokens[i + 1];
    if (image.type !== 'image' || next.type !== 'text' || 'tokens' in next && next.tokens?.length) continue;
    const m = RE_BRACES.exec(next.raw);
    const attrs = m && next.text.startsWith(m[0]) ? parseAttrs(m[1]) : undefined;
    if (!m || !attrs) continue;
    (image as AttributedImage).attrs = { ...attrs, raw: m[0] };
    image.raw += m[0];
    next.raw = next.raw.slice(m[0].length);
    next.text = next.text.slice(m[0].length);
    if (next.raw === '') tokens.splice(i + 1, 1);
  }
}

/** Every run of inline tokens in `tokens` (paragraphs, list items, table cells, links…), in place. */
export function attachImageAttrs(tokens: Token[], walk: (tokens: Token[], fn: (t: Token) => void) => void): void {
  walk(tokens, (token) => {
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) attachIn(cell.tokens);
    } else if ('tokens' in token && Array.isArray(token.tokens)) attachIn(token.tokens);
  });
}

function attrHtml(name: string, value: string | undefined): string {
  return value ? ` ${name}="${value}"` : '';
}

/** Renders an image's size attributes onto its `<img>` (the sanitizer keeps `width` and `height`). */
export const imageAttrsExtension: MarkedExtension = {
  renderer: {
    image(token: Tokens.Image) {
      const attrs = (token as AttributedImage).attrs;
      const html = Renderer.prototype.image.call(this, token);
      if (!attrs || !(attrs.width || attrs.height)) return html;
      return html.replace(/^<img /, `<img${attrHtml('width', attrs.width)}${attrHtml('height', attrs.height)} `);
    },
  },
};

/** An image alone in its paragraph (blank text around it aside) is a figure: that image. */
export function figureImage(token: Token): AttributedImage | undefined {
  if (token.type !== 'paragraph') return undefined;
  const parts = (token as Tokens.Paragraph).tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
  return parts.length === 1 && parts[0].type === 'image' ? (parts[0] as AttributedImage) : undefined;
}
