/**
 * Text a brief brings (its words, file names, front-matter values) is echoed in messages. Printed
 * raw, its control characters would drive the terminal: ESC sequences recolour, clear or retitle
 * it, a carriage return overwrites a warning, bidi controls reorder what a line shows.
 */

/** Control characters in a name: C0, DEL and C1. */
export const RE_CONTROL = /[\x00-\x1f\x7f-\x9f]/;
/** What a terminal must not receive raw: C0 but tab and newline, DEL, C1, bidi controls. */
const RE_TERMINAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, and every line break: a message is one line, so it cannot forge another. */
const RE_IN_LINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw in its strings (it escapes C0 itself). */
const RE_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, digits: number): string => c.charCodeAt(0).toString(16).padStart(digits, '0');
const escapeOne = (c: string): string => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);

/** Terminal output: controls as `\x1b`, `\x9b`, `\u202e`; line breaks and tabs stay. */
export function escapeTerminal(text: string): string {
  return text.replace(RE_TERMINAL, escapeOne);
}

/** One line of a message: controls and line breaks escaped. */
export function escapeControls(text: string): string {
  return text.replace(RE_IN_LINE, escapeOne);
}

/** JSON text with every control in its strings as a `\u` escape, so it stays valid JSON and is safe to print. */
export function escapeJson(json: string): string {
  return json.replace(RE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
