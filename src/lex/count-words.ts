/**
 * Counting words is the hottest loop of a build (every split piece is costed at every level), and
 * a regular expression over Unicode classes costs about 6× this table-driven scan. Each character's
 * class is worked out once, from the same classes as `RE_WORD` in markdown.ts, and remembered.
 */
const RE_START = /^[\p{L}\p{N}]$/u;
const RE_CONTINUE = /^[\p{M}'’_-]$/u;
/** Scripts written without spaces between words. (Korean is spaced: its words count like any.) */
const RE_CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

const UNKNOWN = 0;
const OTHER = 1;
const START = 2;
const CONTINUE = 3;
const CJK = 4;
const SURROGATE = 5;

const classes = new Uint8Array(0x10000);

function classify(ch: string): number {
  if (RE_CJK.test(ch)) return CJK;
  if (RE_START.test(ch)) return START;
  return RE_CONTINUE.test(ch) ? CONTINUE : OTHER;
}

function classOf(code: number): number {
  let k = classes[code];
  if (k === UNKNOWN) {
    k = code >= 0xd800 && code < 0xe000 ? SURROGATE : classify(String.fromCharCode(code));
    classes[code] = k;
  }
  return k;
}

/**
 * Words in `text` as `RE_WORD` finds them (a letter or digit, then letters, digits, marks,
 * apostrophes, `_` or `-`); `undefined` when the text holds Chinese or Japanese characters.
 */
export function countPlainWords(text: string): number | undefined {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let k = classOf(text.charCodeAt(i));
    if (k === SURROGATE) {
      const point = text.codePointAt(i) ?? 0;
      k = classify(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    }
    if (k === CJK) return undefined;
    if (k === START) {
      if (!inWord) n++;
      inWord = true;
    } else if (k === OTHER) {
      inWord = false;
    }
  }
  return n;
}
