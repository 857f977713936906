import { describe, expect, it } from 'vitest';
import { loadScriptFonts, scriptSubsets } from '../../src/load/load-script-fonts.js';

const families = async (text: string, lang = 'en') => [...new Set((await scriptSubsets(text, lang)).map((f) => f.family))];

describe('script fonts', () => {
  it('adds nothing for text IBM Plex draws (Latin, Cyrillic, Greek)', async () => {
    expect(await families('Sécurité — Энергетическая безопасность — Ενεργειακή ‐ “quoted”')).toEqual([]);
    expect(await loadScriptFonts('Plain English.', 'en')).toBe('');
  });

  it('adds the family of each script found, in both weights', async () => {
    const faces = await scriptSubsets('أمن الطاقة ביטחון 에너지', 'en');
    expect([...new Set(faces.map((f) => f.family))].sort()).toEqual(['Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans KR']);
    expect(new Set(faces.map((f) => f.weight))).toEqual(new Set(['400', '700']));
  });

  it('draws Han characters in the letterforms of the brief language', async () => {
    expect(await families('能源安全', 'zh')).toEqual(['Noto Sans SC']);
    expect(await families('能源安全', 'ja')).toEqual(['Noto Sans JP']);
  });

  it('inlines only the subsets the text uses', async () => {
    const text = '该地区自2022年以来实现了天然气供应多元化。风险现在在于电力互联和海底电缆。';
    const faces = await scriptSubsets(text, 'zh');
    const subsets = new Set(faces.map((f) => f.subset));
    expect(subsets.size).toBeGreaterThan(0);
    expect(subsets.size).toBeLessThan(12);
    const css = await loadScriptFonts(text, 'zh');
    expect(css.match(/@font-face/g)).toHaveLength(faces.length);
    expect(css).toContain("src: url(data:font/woff2;base64,");
    expect(css).not.toContain('./files/');
  });
});
