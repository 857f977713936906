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

/** The first span that ends after `offset` (spans are in order and do not overlap). */
function firstEndingAfter(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Joins consecutive pieces of `text` wherever the cut between them falls inside a span. The pieces
 * start at `base` in the text the spans are offsets of. One pass over both: a paragraph of
 * 300,000 entities is 300,000 spans and as many pieces.
 */
export function keepSpansWhole(pieces: string[], spans: Span[], base = 0): string[] {
  if (spans.length === 0) return pieces;
  const out: string[] = [];
  let offset = base;
  let carry = '';
  let next = firstEndingAfter(spans, offset);
  for (const piece of pieces) {
    carry += piece;
    offset += piece.length;
    while (next < spans.length && spans[next].end <= offset) next++;
    if (!(next < spans.length && spans[next].start < offset)) {
      out.push(carry);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}
