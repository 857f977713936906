/**
 * The words briefdeck writes itself, per language, in every output (deck, PDFs, handout). A new label is a new key in `en` and in every
 * other language (the `satisfies` check below fails the build when one is missing); a new language
 * is a new entry. `{n}` and `{total}` are filled in by `label()`.
 */
const EN = {
  summary: 'Summary',
  keyJudgements: 'Key judgements',
  agenda: 'Agenda',
  continued: 'continued',
  sources: 'Sources',
  notes: 'Notes',
  slide: 'Slide',
  slideOf: 'Slide {n} of {total}',
  page: 'Page {n} of {total}',
  conclusion: 'Conclusion',
  thanks: 'Thank you',
  contact: 'Contact',
  version: 'Version',
  source: 'Source',
  handout: 'Handout',
  contents: 'Contents',
  notesFor: 'Notes for slide',
  keywords: 'Keywords',
} as const;

export type LabelKey = keyof typeof EN;
export type Labels = Readonly<Record<LabelKey, string>>;

export const LABELS = {
  en: EN,
  de: {
    summary: 'Zusammenfassung',
    keyJudgements: 'Kernaussagen',
    agenda: 'Agenda',
    continued: 'Fortsetzung',
    sources: 'Quellen',
    notes: 'Notizen',
    slide: 'Folie',
    slideOf: 'Folie {n} von {total}',
    page: 'Seite {n} von {total}',
    conclusion: 'Fazit',
    thanks: 'Vielen Dank',
    contact: 'Kontakt',
    version: 'Version',
    source: 'Quelle',
    handout: 'Handout',
    contents: 'Inhalt',
    notesFor: 'Notizen zu Folie',
    keywords: 'Schlagwörter',
  },
  fr: {
    summary: 'Résumé',
    keyJudgements: 'Points clés',
    agenda: 'Sommaire',
    continued: 'suite',
    sources: 'Sources',
    notes: 'Notes',
    slide: 'Diapositive',
    slideOf: 'Diapositive {n} sur {total}',
    page: 'Page {n} sur {total}',
    conclusion: 'Conclusion',
    thanks: 'Merci',
    contact: 'Contact',
    version: 'Version',
    source: 'Source',
    handout: 'Document de présentation',
    contents: 'Sommaire',
    notesFor: 'Notes de la diapositive',
    keywords: 'Mots-clés',
  },
  es: {
    summary: 'Resumen',
    keyJudgements: 'Puntos clave',
    agenda: 'Índice',
    continued: 'continuación',
    sources: 'Fuentes',
    notes: 'Notas',
    slide: 'Diapositiva',
    slideOf: 'Diapositiva {n} de {total}',
    page: 'Página {n} de {total}',
    conclusion: 'Conclusión',
    thanks: 'Gracias',
    contact: 'Contacto',
    version: 'Versión',
    source: 'Fuente',
    handout: 'Material de apoyo',
    contents: 'Contenido',
    notesFor: 'Notas de la diapositiva',
    keywords: 'Palabras clave',
  },
  ru: {
    summary: 'Краткое содержание',
    keyJudgements: 'Ключевые выводы',
    agenda: 'План',
    continued: 'продолжение',
    sources: 'Источники',
    notes: 'Заметки',
    slide: 'Слайд',
    slideOf: 'Слайд {n} из {total}',
    page: 'Страница {n} из {total}',
    conclusion: 'Выводы',
    thanks: 'Спасибо',
    contact: 'Контакты',
    version: 'Версия',
    source: 'Источник',
    handout: 'Раздаточный материал',
    contents: 'Содержание',
    notesFor: 'Заметки к слайду',
    keywords: 'Ключевые слова',
  },
  zh: {
    summary: '摘要',
    keyJudgements: '核心判断',
    agenda: '议程',
    continued: '续',
    sources: '资料来源',
    notes: '备注',
    slide: '幻灯片',
    slideOf: '第 {n} 张，共 {total} 张',
    page: '第 {n} 页，共 {total} 页',
    conclusion: '结论',
    thanks: '谢谢',
    contact: '联系方式',
    version: '版本',
    source: '来源',
    handout: '讲义',
    contents: '目录',
    notesFor: '幻灯片备注',
    keywords: '关键词',
  },
  ja: {
    summary: '要旨',
    keyJudgements: '主要な判断',
    agenda: 'アジェンダ',
    continued: '続き',
    sources: '出典',
    notes: 'ノート',
    slide: 'スライド',
    slideOf: 'スライド {n} / {total}',
    page: '{n} / {total} ページ',
    conclusion: '結論',
    thanks: 'ありがとうございました',
    contact: '連絡先',
    version: 'バージョン',
    source: '出典',
    handout: '配布資料',
    contents: '目次',
    notesFor: 'スライドのノート',
    keywords: 'キーワード',
  },
  ar: {
    summary: 'ملخص',
    keyJudgements: 'الأحكام الرئيسية',
    agenda: 'جدول الأعمال',
    continued: 'تابع',
    sources: 'المصادر',
    notes: 'ملاحظات',
    slide: 'شريحة',
    slideOf: 'الشريحة {n} من {total}',
    page: 'الصفحة {n} من {total}',
    conclusion: 'الخلاصة',
    thanks: 'شكراً لكم',
    contact: 'للتواصل',
    version: 'الإصدار',
    source: 'المصدر',
    handout: 'نشرة مرافقة',
    contents: 'المحتويات',
    notesFor: 'ملاحظات الشريحة',
    keywords: 'الكلمات المفتاحية',
  },
} as const satisfies Record<string, Labels>;

export type LabelLang = keyof typeof LABELS;
export const LABEL_LANGS = Object.keys(LABELS) as LabelLang[];

/** Languages written right to left; the deck and its pages are mirrored for them. */
export const RTL_LANGS = ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'] as const;

/** `de-AT` → `de`: labels are chosen by the primary language subtag. */
export function primaryLang(lang: string): string {
  return lang.split('-')[0].toLowerCase();
}

export function hasLabels(lang: string): boolean {
  return Object.hasOwn(LABELS, primaryLang(lang));
}

export function isRtl(lang: string): boolean {
  return (RTL_LANGS as readonly string[]).includes(primaryLang(lang));
}

/** The labels for `lang`, English when briefdeck does not speak it (load warns about that). */
export function labelsFor(lang: string): Labels {
  const primary = primaryLang(lang);
  return hasLabels(primary) ? LABELS[primary as LabelLang] : LABELS.en;
}

/** Fills `{n}`-style slots: `fill(labels.page, { n: 3, total: 9 })`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
