import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { fill, isRtl, LABEL_LANGS, LABELS, labelsFor } from '../../src/i18n/labels.js';

describe('labels', () => {
  it('translates every label into every language, none left in English by mistake', () => {
    expect(LABEL_LANGS).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'ru', 'zh', 'ja', 'ar']));
    for (const lang of LABEL_LANGS) {
      for (const [key, text] of Object.entries(LABELS[lang])) {
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
      }
      if (lang !== 'en') expect(LABELS[lang].summary, lang).not.toBe(LABELS.en.summary);
    }
  });

  it('picks labels by the primary language subtag and falls back to English', () => {
    expect(labelsFor('de-AT').summary).toBe('Zusammenfassung');
    expect(labelsFor('AR').agenda).toBe('جدول الأعمال');
    expect(labelsFor('sw').summary).toBe('Summary');
  });

  it('fills numbered slots and leaves unknown ones', () => {
    expect(fill(LABELS.de.page, { n: 3, total: 9 })).toBe('Seite 3 von 9');
    expect(fill('{n} {x}', { n: 1 })).toBe('1 {x}');
  });

  it('knows the right-to-left languages', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG'].map(isRtl)).toEqual([true, true, true, true, true]);
    expect(['en', 'zh', 'ru'].map(isRtl)).toEqual([false, false, false]);
  });

  it('warns, located at `lang`, when a language has no labels', () => {
    const diagnostics = new Diagnostics();
    const brief = parseBrief('---\ntitle: T\nlang: sw\n---\n\nText.\n', 'x.md', diagnostics);
    expect(brief.meta.lang).toBe('sw');
    expect(diagnostics.list).toEqual([expect.objectContaining({ code: 'lang-no-labels', at: { file: 'x.md', line: 3, column: 1 } })]);
    const quiet = new Diagnostics();
    parseBrief('---\ntitle: T\nlang: fr-CA\n---\n\nText.\n', 'x.md', quiet);
    expect(quiet.list).toEqual([]);
  });
});
