import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Kept in each output folder: what briefdeck wrote there, so it only ever replaces or deletes its own files. */
export const MANIFEST_NAME = '.briefdeck-manifest.json';

export interface ManifestFile {
  sha256: string;
  bytes: number;
}

export interface Manifest {
  tool: 'briefdeck';
  version: string;
  /** Output files by name (relative to the folder). */
  files: Record<string, ManifestFile>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function manifestPath(dir: string): string {
  return path.join(dir, MANIFEST_NAME);
}

/** The folder's manifest, or `undefined` when there is none or it is not ours. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const data = JSON.parse(await readFile(manifestPath(dir), 'utf8')) as Partial<Manifest>;
    return data.tool === 'briefdeck' && data.files && typeof data.files === 'object' ? (data as Manifest) : undefined;
  } catch {
    return undefined;
  }
}
