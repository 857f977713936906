/**
 * Loads each key once per process and shares the promise; a failed load is forgotten so the next
 * call tries again (a missing file may be put back while a watcher runs).
 */
export function memoize<V>(load: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const cache = new Map<string, Promise<V>>();
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
