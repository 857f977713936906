import { describe, expect, it } from 'vitest';
import { escapeControls, escapeTerminal } from '../src/control-chars.js';

describe('escapeTerminal: what a brief brings reaches the terminal as text, never as control', () => {
  it.each([
    ['an ESC sequence (colour, clear screen)', 'a\x1b[31mred\x1b[2J', 'a\\x1b[31mred\\x1b[2J'],
    ['an OSC window title ended by BEL', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['a carriage return and a backspace', 'ok\rfake\b', 'ok\\x0dfake\\x08'],
    ['DEL and the C1 CSI', '\x7f\u009b2J', '\\x7f\\x9b2J'],
    ['bidi overrides (reordered text)', 'a\u202eb\u2066c\u2069', 'a\\u202eb\\u2066c\\u2069'],
    ['NUL', 'a\0b', 'a\\x00b'],
  ])('%s', (_what, text, shown) => {
    expect(escapeTerminal(text)).toBe(shown);
  });

  it('keeps line breaks, tabs and every printable character', () => {
    const text = 'x.md:3:1 warning a\tb — «Кириллица» 中文 عربي 🙂\nnext line\n';
    expect(escapeTerminal(text)).toBe(text);
  });
});

describe('escapeControls: a message is one line', () => {
  it('escapes line breaks too', () => {
    expect(escapeControls('a\nb\r\nc\u2028d')).toBe('a\\x0ab\\x0d\\x0ac\\u2028d');
  });
});
