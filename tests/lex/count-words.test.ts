import { describe, expect, it } from 'vitest';
import { countPlainWords } from '../../src/lex/count-words.js';
import { countWords, words } from '../../src/lex/markdown.js';

/** The definition countWords must keep: the regular expression it replaces for speed. */
const RE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** A deterministic mix of letters, digits, marks, joiners, punctuation, astral letters and emoji. */
function samples(count: number): string[] {
  const pool = ['a', 'Z', 'é', 'ß', '7', '٣', '\u0301', "'", '’', '_', '-', ' ', '\n', '.', '–', '“', '𝐀', '😀', 'Ж', 'ا', '\ud800'];
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]).join(''));
}

describe('countPlainWords', () => {
  it.each([
    ['', 0],
    ['one two  three', 3],
    ['well-known co-operation isn’t it', 4],
    ['--a-- -- b', 2],
    ['v1.2 and 2021', 4],
    ['naïve cafe\u0301 résumé', 3],
    ['𝐀𝐁 𝐂', 2],
  ])('counts %j as %i words', (text, expected) => {
    expect(countPlainWords(text)).toBe(expected);
  });

  it('agrees with the regular expression on generated text', () => {
    for (const text of samples(3000)) expect(countPlainWords(text), JSON.stringify(text)).toBe(text.match(RE_WORD)?.length ?? 0);
  });

  it('weighs Chinese and Japanese at two characters a word against the budget; Korean is spaced and counts by word', () => {
    expect(countPlainWords('中文 text')).toBeUndefined();
    expect(countPlainWords('ひらがな')).toBeUndefined();
    // Four characters are two words' worth, plus two English words.
    expect(countWords('中文测试 and more')).toBe(4);
    // An odd character rounds up: nothing weighs nothing.
    expect(countWords('中')).toBe(1);
    expect(countWords('日本語のテキスト')).toBe(4);
    expect(countWords('한국어 문장은 띄어 씁니다')).toBe(4);
    // The lost-word checks still count every character: that is what a reader can find on a slide.
    expect(words('中文测试 and more')).toHaveLength(6);
  });
});
