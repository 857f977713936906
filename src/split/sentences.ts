const cache = new Map<string, Intl.Segmenter>();

function segmenter(lang: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${lang}:${granularity}`;
  let s = cache.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity });
    } catch {
      s = new Intl.Segmenter('en', { granularity });
    }
    cache.set(key, s);
  }
  return s;
}

// Intl.Segmenter ends a sentence after "e.g." or "i.e."; these rejoin such pieces.
const RE_ABBREV_END = /(?:\b(?:e\.g|i\.e|cf|vs|etc|Mr|Mrs|Ms|Dr|Prof|St|No|approx|Fig|ca)\.|\b[A-Z]\.)\s*$/;

/** Splits text into sentences (each keeps its trailing space), for any language Intl knows. */
export function sentences(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter(lang, 'sentence').segment(text)) {
    if (out.length > 0 && RE_ABBREV_END.test(out[out.length - 1])) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

/** Splits at word boundaries (spaces, or between CJK characters), the last resort for one huge sentence. */
export function wordChunks(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter(lang, 'word').segment(text)) {
    if (isWordLike || out.length === 0) out.push(segment);
    else out[out.length - 1] += segment;
  }
  return out;
}
