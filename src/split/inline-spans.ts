import type { Token } from 'marked';

/** Where an inline construct (link, code, emphasis, HTML tag…) stands in a paragraph's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Offsets of the paragraph's inline tokens other than plain text: a cut inside one would break a
 * link's URL or an HTML tag into visible garbage. Empty when the tokens do not add up to the text.
 */
export function inlineSpans(text: string, tokens: Token[] | undefined): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const token of tokens ?? []) {
    if (token.type !== 'text' && token.type !== 'br') spans.push({ start: offset, end: offset + token.raw.length });
    offset += token.raw.length;
  }
  return offset === text.length ? spans : [];
}

/** Joins consecutive pieces of `text` wherever the cut between them falls inside a span. */
export function keepSpansWhole(pieces: string[], spans: Span[]): string[] {
  if (spans.length === 0) return pieces;
  const out: string[] = [];
  let offset = 0;
  let carry = '';
  for (const piece of pieces) {
    carry += piece;
    offset += piece.length;
    if (!spans.some((s) => s.start < offset && offset < s.end)) {
      out.push(carry);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}
