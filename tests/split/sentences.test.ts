import { describe, expect, it } from 'vitest';
import { sentences, wordChunks } from '../../src/split/sentences.js';

describe('sentences in the languages briefdeck translates', () => {
  it.each([
    ['zh', '供应有保障。价格仍然波动！修复耗时数月？是的。', ['供应有保障。', '价格仍然波动！', '修复耗时数月？', '是的。']],
    ['ja', 'ガス供給は多様化した。リスクは海底ケーブルにある！本当か？', ['ガス供給は多様化した。', 'リスクは海底ケーブルにある！', '本当か？']],
    ['ar', 'إمدادات الغاز مضمونة. تبقى الأسعار متقلبة؟ نعم!', ['إمدادات الغاز مضمونة. ', 'تبقى الأسعار متقلبة؟ ', 'نعم!']],
    ['ru', 'Поставки газа обеспечены. Цены остаются волатильными.', ['Поставки газа обеспечены. ', 'Цены остаются волатильными.']],
    ['de', 'Die Lage ist z.B. im Winter stabil. Die Preise schwanken.', ['Die Lage ist z.B. im Winter stabil. ', 'Die Preise schwanken.']],
  ])('%s', (lang, text, expected) => {
    const out = sentences(text, lang);
    expect(out).toEqual(expected);
    expect(out.join('')).toBe(text);
  });
});

describe('segmenting long text', () => {
  it('finds the same sentences and words a window at a time as in one go', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i} says e.g. something, i.e. words (and more). `).join('');
    const words = Array.from(new Intl.Segmenter('en', { granularity: 'word' }).segment(text)).filter((s) => s.isWordLike);
    expect(sentences(text, 'en').join('')).toBe(text);
    expect(sentences(text, 'en').length).toBe(400);
    expect(wordChunks(text, 'en').join('')).toBe(text);
    expect(wordChunks(text, 'en').length).toBe(words.length);
  });

  it('cuts a window with no boundary between whole characters', () => {
    const text = '𝔸'.repeat(5000);
    const chunks = wordChunks(text, 'en');
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((c) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(c))).toBe(true);
  });
});
