import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, StoredMeasures } from '../types.js';

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
  /** What the outputs were built from, so an unchanged brief is not built again. */
  input?: ManifestInput;
  /** The deck the folder holds, for the listing in `<outDir>/index.html` and slide-level change lines. */
  deck?: ManifestDeck;
  /** Slide measures of the last fit, so the next build lays out only slides that changed. */
  fit?: StoredMeasures;
}

export interface ManifestInput {
  /** Hash of the brief, its images, the templates, theme, options and briefdeck version. */
  key: string;
  /** Outputs built from that input (e.g. `index.html`, `<name>.pdf`). */
  outputs: string[];
  /** Warnings of that build, repeated when the build is skipped. */
  diagnostics: Diagnostic[];
}

export interface ManifestDeck {
  brief: string;
  title: string;
  date?: string;
  lang?: string;
  /** Each slide's id and a hash of its content, in deck order. */
  slides: Array<{ id: string; sha256: string }>;
  /** A hash of each thing every slide shows around its content (footer, banners, look): see slide-changes.ts. */
  furniture?: Record<string, string>;
}

export { sha256 } from '../hash.js';

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
