import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/split/sentences.js';

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
