const RE_NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** A URL-safe id from a heading: stable across edits elsewhere in the brief. */
export function slug(text: string): string {
  const s = text.normalize('NFKC').toLowerCase().replace(RE_NOT_WORD, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return s || 'section';
}

/** Makes ids unique in order of appearance: a second "Context" section becomes `context-2`. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
