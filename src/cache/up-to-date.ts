import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import type { Diagnostic } from '../types.js';
import { sha256, type Manifest } from './manifest.js';

/**
 * True when `manifest` says the folder's outputs were built from `key` and every output wanted now
 * is still there, byte for byte: a deleted or edited PDF is built again.
 */
export async function isUpToDate(dir: string, manifest: Manifest | undefined, key: string, wanted: string[]): Promise<boolean> {
  const input = manifest?.input;
  if (!manifest || !input || input.key !== key) return false;
  for (const name of wanted) {
    const recorded = manifest.files[name];
    if (!input.outputs.includes(name) || !recorded) return false;
    try {
      const data = await readFile(path.join(dir, name));
      if (data.length !== recorded.bytes || sha256(data) !== recorded.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** A skipped build still reports what its last real build found, without repeating what was found again. */
export function replayDiagnostics(stored: Diagnostic[], into: Diagnostics): void {
  const seen = new Set(into.list.map((d) => JSON.stringify(d)));
  for (const d of stored) if (!seen.has(JSON.stringify(d))) into.record(d);
}
