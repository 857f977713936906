/**
 * Loads each key once per process and shares the promise, so a run over many briefs reads
 * node_modules and templates once; a failed load is forgotten so the next call can retry.
 */
export function memoize<T>(load: (key: string) => Promise<T>): ((key: string) => Promise<T>) & { clear: () => void } {
  const cache = new Map<string, Promise<T>>();
  const get = (key: string): Promise<T> => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      cache.set(key, value);
      value.catch(() => cache.delete(key));
    }
    return value;
  };
  return Object.assign(get, { clear: () => cache.clear() });
}
