/**
 * The commonest short words of each Latin-script language briefdeck has labels for; the other
 * scripts it speaks (ru, zh, ja, ar…) are told apart by their letters.
 */
const STOPWORDS = {
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'for', 'with', 'as', 'on', 'are', 'this', 'by'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'ein', 'eine', 'auf'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'du', 'dans', 'pour', 'pas', 'qui', 'sur'],
  es: ['el', 'los', 'las', 'y', 'que', 'del', 'en', 'por', 'una', 'es', 'con', 'para', 'se', 'como'],
} as const;

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\u4e00-\u9fff]/gu, 'zh'],
  [/[\u0600-\u06ff]/gu, 'ar'],
  [/[\u0400-\u04ff]/gu, 'ru'],
];

/** A language to put in `lang`, or undefined when the text does not say clearly (then leave it out). */
export function guessLang(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  for (const [re, lang] of SCRIPTS) if ((sample.match(re) ?? []).length > letters * 0.3) return lang;
  const words = sample.toLowerCase().split(/[^\p{L}]+/u);
  const counts = Object.entries(STOPWORDS).map(([lang, list]) => {
    const set = new Set<string>(list);
    return [lang, words.filter((w) => set.has(w)).length] as const;
  });
  counts.sort((a, b) => b[1] - a[1]);
  const [best, second] = counts;
  // Few stopwords, or two languages close together: no guess beats the configured default.
  return best[1] >= 5 && best[1] >= second[1] * 2 ? best[0] : undefined;
}
