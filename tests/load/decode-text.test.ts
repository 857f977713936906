import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decode-text.js';
import { fixture } from '../helpers/fixtures.js';

const TEXTS = {
  latin: '---\ntitle: Brief\n---\n\n## One\n\nSome text, café.\n',
  cyrillic: '## Обзор\n\nТекст брифинга.\n',
  cjk: '## 概要\n\n简报的文字。\n',
};

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

describe('decodeText', () => {
  it.each(Object.entries(TEXTS))('UTF-8 %s text, with or without a BOM, with CRLF, is text', (_name, text) => {
    expect(decodeText(Buffer.from(text))).toEqual({ text });
    expect(decodeText(Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`))).toEqual({ text });
  });

  it.each(Object.keys(TEXTS).flatMap((name) => (['le', 'be'] as const).map((order) => [name, order] as const)))('UTF-16 %s text (%s) with a BOM is UTF-16', (name, order) => {
    expect(decodeText(utf16(TEXTS[name], order, true))).toEqual({ utf16: true });
  });

  it.each([
    ['latin', 'le'],
    ['latin', 'be'],
    ['cyrillic', 'le'],
    ['cyrillic', 'be'],
  ] as const)('UTF-16 %s text (%s) without a BOM is recognised by its NUL bytes', (name, order) => {
    expect(decodeText(utf16(TEXTS[name], order, false))).toEqual({ utf16: true });
  });

  it('a binary file (an image, NULs in pairs) is binary, not UTF-16', () => {
    expect(decodeText(readFileSync(fixture('chart.png')))).toEqual({ binary: true });
    expect(decodeText(Buffer.from([0x41, 0, 0, 0, 0x42, 0]))).toEqual({ binary: true });
    // An odd number of bytes cannot be UTF-16.
    expect(decodeText(Buffer.from([0x41, 0, 0x42, 0, 0x43]))).toEqual({ binary: true });
  });

  it('Latin-1 is not valid UTF-8, at its line', () => {
    expect(decodeText(Buffer.from('line one\ncaf\xe9\n', 'latin1'))).toEqual({ badLine: 2 });
  });
});
