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

/**
 * V8's segment iterator costs time in proportion to the whole string at every step, so a long text
 * segmented at once is quadratic (a 240 KB paragraph took 22 s). Text is segmented a window at a time.
 */
const WINDOW = 2048;

/** Where to cut a window that holds no boundary: after its last space, else not inside a surrogate pair. */
function hardCut(text: string, start: number): number {
  const end = start + WINDOW;
  const space = text.lastIndexOf(' ', end - 1);
  if (space > start) return space + 1;
  return /[\ud800-\udbff]/.test(text[end - 1]) ? end - 1 : end;
}

/**
 * The segments of `text`, a window at a time: the last segment of each window may be cut short by
 * its end, so the next window starts where that segment does.
 */
function* segments(text: string, lang: string, granularity: 'sentence' | 'word'): Generator<{ segment: string; isWordLike?: boolean }> {
  const s = segmenter(lang, granularity);
  let start = 0;
  while (text.length - start > WINDOW) {
    const parts = Array.from(s.segment(text.slice(start, start + WINDOW)));
    if (parts.length > 1) {
      const last = parts.pop() as Intl.SegmentData;
      yield* parts;
      start += last.index;
    } else {
      const cut = hardCut(text, start);
      yield* s.segment(text.slice(start, cut));
      start = cut;
    }
  }
  yield* s.segment(text.slice(start));
}

// Intl.Segmenter ends a sentence after "e.g." or "i.e."; these rejoin such pieces.
const RE_ABBREV_END = /(?:\b(?:e\.g|i\.e|cf|vs|etc|Mr|Mrs|Ms|Dr|Prof|St|No|approx|Fig|ca)\.|\b[A-Z]\.)\s*$/;

/** Splits text into sentences (each keeps its trailing space), for any language Intl knows. */
export function sentences(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const { segment } of segments(text, lang, 'sentence')) {
    if (out.length > 0 && RE_ABBREV_END.test(out[out.length - 1])) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

/** Splits at word boundaries (spaces, or between CJK characters), the last resort for one huge sentence. */
export function wordChunks(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segments(text, lang, 'word')) {
    if (isWordLike || out.length === 0) out.push(segment);
    else out[out.length - 1] += segment;
  }
  return out;
}
