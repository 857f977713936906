import type { MarkedExtension, Tokens } from 'marked';

/** `[^label]` in text; `number` and `href` are set once the brief's footnotes are numbered. */
export interface FootnoteRef extends Tokens.Generic {
  type: 'footnoteRef';
  label: string;
  number?: number;
  href?: string;
}

/** `[^label]: text`, with its continuation lines, up to a blank line or the next definition. */
export interface FootnoteDef extends Tokens.Generic {
  type: 'footnoteDef';
  label: string;
  text: string;
}

const RE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?![ \t]*\n| {0,3}\[\^[^\]\s]+\]:)[^\n]+)*)(?:\n|$)/;
const RE_REF = /^\[\^([^\]\s]+)\](?!:)/;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GFM footnotes for the one marked instance; split decides where their text is shown. */
export const footnoteExtension: MarkedExtension = {
  extensions: [
    {
      name: 'footnoteDef',
      level: 'block',
      // Only a definition at the start of a line may cut a paragraph short. marked asks from the
      // paragraph's second character on, so `^` would wrongly match right after its first one.
      start: (src: string) => {
        const m = /\n {0,3}\[\^[^\]\s]+\]:/.exec(src);
        return m ? m.index + 1 : undefined;
      },
      tokenizer(src: string) {
        const m = RE_DEF.exec(src);
        if (!m) return undefined;
        return { type: 'footnoteDef', raw: m[0], label: m[1], text: m[2].replace(/\n[ \t]+/g, '\n').trim(), tokens: this.lexer.inlineTokens(m[2].trim()) };
      },
      // Definitions never render in place; a stray one (outside a brief) shows as its text.
      renderer(token) {
        return `<p>${escapeHtml((token as FootnoteDef).raw.trim())}</p>\n`;
      },
    },
    {
      name: 'footnoteRef',
      level: 'inline',
      start: (src: string) => src.indexOf('[^') >= 0 ? src.indexOf('[^') : undefined,
      tokenizer(src: string) {
        const m = RE_REF.exec(src);
        return m ? { type: 'footnoteRef', raw: m[0], label: m[1] } : undefined;
      },
      renderer(token) {
        const ref = token as FootnoteRef;
        const shown = escapeHtml(String(ref.number ?? ref.label));
        return ref.href ? `<sup class="bd-fn-ref"><a href="${escapeHtml(ref.href)}">${shown}</a></sup>` : `<sup class="bd-fn-ref">${shown}</sup>`;
      },
    },
  ],
};
