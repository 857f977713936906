/** A paragraph, list item or heading found in plain text; `line` is its first line (1-based). */
export interface TextBlock {
  kind: 'paragraph' | 'item' | 'heading';
  /** Its lines joined, markers taken off; not yet escaped for Markdown. */
  text: string;
  line: number;
  /** The ordered-list number, for an item written `3.` or `3)`. */
  number?: number;
}

interface Line {
  text: string;
  indent: number;
  line: number;
}

/** A run of non-blank lines between blank ones. */
interface Run {
  lines: Line[];
  /** A line of nothing but a tab came just before: a bullet whose glyph was lost in the copy. */
  lostBullet: boolean;
  /** Its one line was underlined (`=====`, `-----`): a heading. */
  underlined?: boolean;
}

// Bullets always start an item; dashes and numbers only where a list may begin (an en-dash that
// opens a wrapped line is the middle of a sentence).
const RE_BULLET = /^([•◦▪‣●○■□►*+])\s+(?=\S)/u;
const RE_DASH = /^([-–—])\s+(?=\S)/u;
const RE_NUMBER = /^(\d{1,3})[.)]\s+(?=\S)/;
/** A line drawn with one character: a rule between parts, or a heading's underline; it holds no words. */
const RE_RULE = /^([-=_*~#.+])\1{2,}$/;
const RE_SENTENCE_END = /[.!?…:;]["'”’»)]*$/u;

function indentOf(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === ' ' || ch === '\u00a0') width++;
    else if (ch === '\t') width = width - (width % 8) + 8;
    else break;
  }
  return width;
}

function toRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let lostBullet = false;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') {
      current = undefined;
      lostBullet = raw.includes('\t');
      return;
    }
    if (RE_RULE.test(raw.trim().replace(/\s+/g, ''))) {
      if (current?.lines.length === 1) current.underlined = true;
      current = undefined;
      lostBullet = false;
      return;
    }
    if (!current) {
      current = { lines: [], lostBullet };
      runs.push(current);
    }
    current.lines.push({ text: raw.trim(), indent: indentOf(raw), line: i + 1 });
    lostBullet = false;
  });
  return runs;
}

interface Open {
  kind: 'paragraph' | 'item';
  number?: number;
  first: number;
  /** The indent of its second line, once it has one. */
  body?: number;
  lines: Line[];
}

type Marker = { marker: string; number?: number } | undefined;

function markerOf(text: string, listMayStart: boolean): Marker {
  const bullet = RE_BULLET.exec(text) ?? (listMayStart ? RE_DASH.exec(text) : null);
  if (bullet) return { marker: bullet[0] };
  // "18. August" may wrap to the start of a line, too.
  const number = listMayStart ? RE_NUMBER.exec(text) : null;
  return number ? { marker: number[0], number: Number(number[1]) } : undefined;
}

/** Whether `line` starts a new block after `open` rather than continuing it. */
function startsBlock(open: Open, line: Line, longest: number): boolean {
  if (open.body === undefined) return false;
  // Hanging indents (or first-line indents): the paragraph's wrapped lines share one indent.
  if (open.body !== open.first) return line.indent !== open.body;
  // Flush text: a short line that ends a sentence ended its paragraph.
  const last = open.lines.at(-1)!;
  return longest >= 50 && last.text.length < longest * 0.6 && RE_SENTENCE_END.test(last.text) && /^\p{Lu}/u.test(line.text);
}

function splitRun(run: Run): Open[] {
  const blocks: Open[] = [];
  const longest = run.lines.reduce((most, l) => Math.max(most, l.text.length), 0);
  for (const line of run.lines) {
    const open = blocks.at(-1);
    const previous = open?.lines.at(-1);
    // A list may begin after a line that announces it, or continue at an item's own indent.
    const listMayStart = !open || previous!.text.endsWith(':') || (open.kind === 'item' && line.indent === open.first);
    const marker = markerOf(line.text, listMayStart);
    if (open && !marker && !startsBlock(open, line, longest)) {
      if (open.body === undefined) open.body = line.indent;
      open.lines.push(line);
      continue;
    }
    const text = marker ? line.text.slice(marker.marker.length) : line.text;
    const lost = !open && run.lostBullet;
    blocks.push({ kind: marker || lost ? 'item' : 'paragraph', number: marker?.number, first: line.indent, lines: [{ ...line, text }] });
  }
  return blocks;
}

/** Lines joined as a reader reads them: a line that ends in a hyphen joins the next without a space. */
export function joinLines(lines: string[]): string {
  const parts: string[] = [];
  lines.forEach((line, i) => {
    // The previous line, not the text so far: a regex anchored at the end of a long paragraph scans all of it.
    if (i > 0) parts.push(/\p{L}-$/u.test(lines[i - 1]) && /^\p{L}/u.test(line) ? '' : ' ');
    parts.push(line);
  });
  return parts.join('');
}

/** A line standing alone between blank lines, short, not a sentence: "Conclusion", "Economic Gain?". */
export function isHeadingLike(text: string): boolean {
  const words = text.split(/\s+/).length;
  return text.length <= 100 && words <= 15 && !/[.,;:…]["'”’)]*$/u.test(text) && !/^\p{Ll}/u.test(text);
}

/**
 * The blocks of plain text: runs of lines between blank lines, split again where a hanging indent
 * starts a paragraph or a list marker starts an item. A run of one heading-like line, followed by
 * more text, is a heading.
 */
export function textBlocks(text: string): TextBlock[] {
  const runs = toRuns(text);
  const split = runs.map(splitRun);
  const isItem = (block: Open | undefined): boolean => block?.kind === 'item';
  return split.flatMap((blocks, r) => {
    const run = runs[r];
    const alone = blocks.length === 1 && run.lines.length === 1 && (run.underlined || r < runs.length - 1) && isHeadingLike(run.lines[0].text);
    // "2. Background" alone, between paragraphs rather than items: a numbered heading, number kept.
    const numbered = alone && blocks[0].number !== undefined && !isItem(split[r - 1]?.at(-1)) && !isItem(split[r + 1]?.[0]);
    if (numbered || (alone && blocks[0].kind === 'paragraph')) return [{ kind: 'heading', text: run.lines[0].text, line: run.lines[0].line }];
    return blocks.map((b): TextBlock => ({
      kind: b.kind,
      text: joinLines(b.lines.map((l) => l.text)),
      line: b.lines[0].line,
      ...(b.number === undefined ? {} : { number: b.number }),
    }));
  });
}
