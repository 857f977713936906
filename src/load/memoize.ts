/**
 * Loads each key once per process and shares the promise, so a run over many briefs reads
 * node_modules and templates once; a failed load is forgotten so the next call can retry.
 */
export function memoize<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      cache.set(key, value);
      value.catch(() => cache.delete(key));
    }
    return value;
  };
}
