import type { MarkedExtension, Tokens } from 'marked';

/**
 * Quarto's and Pandoc's speaker notes, a fenced div: `::: notes` (or `::: {.notes}`), its text,
 * then a line of at least three colons. Authors bring briefs written for those tools; the block
 * is a notes directive here, as `<!-- notes: … -->` is (lex-brief.ts), never text on the slide.
 */
const RE_NOTES_DIV = /^ {0,3}:{3,}[ \t]*(?:notes|\{[ \t]*\.notes[ \t]*\})[ \t]*\n([\s\S]*?)(?:^|\n) {0,3}:{3,}[ \t]*(?:\n|$)/;
/** An opening fence at the start of a line: where a paragraph before it ends. */
const RE_OPEN_LINE = /\n {0,3}:{3,}[ \t]*(?:notes|\{[ \t]*\.notes[ \t]*\})[ \t]*\n/;

export interface NotesDiv extends Tokens.Generic {
  type: 'notesDiv';
  /** The notes, as Markdown. */
  text: string;
}

export const notesDivExtension: MarkedExtension = {
  extensions: [
    {
      name: 'notesDiv',
      level: 'block',
      // Asked before every paragraph: it looks only as far as the paragraph can reach (its first blank line).
      start: (src: string) => {
        const blank = src.indexOf('\n\n');
        const m = RE_OPEN_LINE.exec(blank === -1 ? src : src.slice(0, blank + 1));
        return m ? m.index + 1 : undefined;
      },
      tokenizer(src: string) {
        const m = RE_NOTES_DIV.exec(src);
        if (!m) return undefined;
        const token: NotesDiv = { type: 'notesDiv', raw: m[0], text: m[1].trim(), tokens: [] };
        this.lexer.blockTokens(token.text, token.tokens);
        return token;
      },
      // At the top level split takes the block to the notes and it never renders. Nested in a list
      // or a quote it cannot move there, and shows as text rather than lose the author's words.
      renderer(token) {
        return this.parser.parse((token as NotesDiv).tokens ?? []);
      },
    },
  ],
};
