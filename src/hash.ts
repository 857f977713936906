import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted, so equal values always hash alike. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const objectHashes = new WeakMap<object, string>();

/** Assets and templates are shared, never-mutated objects, cached per process: each is hashed once. */
export function hashObject(value: object): string {
  let hash = objectHashes.get(value);
  if (!hash) {
    hash = sha256(stableJson(value));
    objectHashes.set(value, hash);
  }
  return hash;
}
