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

/**
 * Labels are at most 999 characters, as CommonMark's link labels: an unbounded label is scanned to
 * the end of the text at every `[^` of a line of them, which is quadratic.
 */
const RE_DEF = /^ {0,3}\[\^([^\]\s]{1,999})\]:[ \t]*([^\n]*(?:\n(?![ \t]*\n| {0,3}\[\^[^\]\s]+\]:)[^\n]+)*)(?:\n|$)/;
const RE_REF = /^\[\^([^\]\s]{1,999})\](?!:)/;
const RE_DEF_LINE = /\n {0,3}\[\^[^\]\s]{1,999}\]:/;

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
      // Asked before every paragraph, it looks only as far as the paragraph can reach (its first
      // blank line): searching the rest of the brief each time was quadratic in paragraphs.
      start: (src: string) => {
        const blank = src.indexOf('\n\n');
        const m = RE_DEF_LINE.exec(blank === -1 ? src : src.slice(0, blank + 1));
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
      // No `start`: marked stops plain text at every `[` anyway and then asks this tokenizer. A
      // `start` is asked at every step of a paragraph, and searching the rest of it each time for
      // `[^` was quadratic (100,000 `[` took minutes).
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
