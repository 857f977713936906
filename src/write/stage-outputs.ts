import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { VERSION } from '../version.js';
import { MANIFEST_NAME, readManifest, sha256, type Manifest, type ManifestDeck, type ManifestInput } from '../cache/manifest.js';
import { checkFolder, checkOverwrite, STAGING_PREFIX } from './guard-outputs.js';
import { makeDirs } from './make-dirs.js';
import type { StoredMeasures } from '../types.js';

/** Readable JSON, except the fit measures: one short line per slide layout instead of ten. */
function manifestJson(manifest: Manifest): string {
  const { fit, ...rest } = manifest;
  const text = JSON.stringify(rest, null, 2);
  if (!fit) return `${text}\n`;
  const slides = Object.entries(fit.slides).map(([key, values]) => `      ${JSON.stringify(key)}: ${JSON.stringify(values)}`);
  return `${text.slice(0, -2)},\n  "fit": {\n    "browser": ${JSON.stringify(fit.browser)},\n    "slides": {\n${slides.join(',\n')}\n    }\n  }\n}\n`;
}

/**
 * Outputs are written into a hidden folder beside their final place and renamed into it only when
 * every one of them is complete, so a failed or interrupted build leaves the previous deck intact.
 */
export class Staging {
  private readonly files: string[] = [];
  private done = false;

  constructor(
    readonly dir: string,
    readonly target: string,
    private readonly force = false,
  ) {}

  /** Path inside the staging folder for an output that another stage (export) writes itself. */
  pathOf(name: string): string {
    return path.join(this.dir, name);
  }

  async write(name: string, data: string | Uint8Array): Promise<string> {
    const file = this.pathOf(name);
    await writeFile(file, data);
    this.add(name);
    return file;
  }

  add(name: string): void {
    if (!this.files.includes(name)) this.files.push(name);
  }

  /** Renames every staged file into place (each rename is atomic), then records them in the manifest. */
  async commit(record: { input?: Omit<ManifestInput, 'outputs'>; deck?: ManifestDeck; fit?: StoredMeasures } = {}): Promise<string[]> {
    const previous = await readManifest(this.target);
    await checkOverwrite(this.target, this.files, previous, this.force);
    // Without an input record the outputs' sources are unknown, so the next build must not skip.
    const input = record.input && { ...record.input, outputs: [...this.files] };
    const manifest: Manifest = { tool: 'briefdeck', version: VERSION, files: { ...previous?.files }, input, deck: record.deck ?? previous?.deck, fit: record.fit ?? previous?.fit };
    for (const name of this.files) {
      const data = await readFile(this.pathOf(name));
      manifest.files[name] = { sha256: sha256(data), bytes: data.length };
    }
    await writeFile(this.pathOf(MANIFEST_NAME), manifestJson(manifest));
    const written: string[] = [];
    for (const name of [...this.files, MANIFEST_NAME]) {
      const final = path.join(this.target, name);
      await rename(this.pathOf(name), final);
      if (name !== MANIFEST_NAME) written.push(final);
    }
    this.done = true;
    await rm(this.dir, { recursive: true, force: true });
    return written;
  }

  async discard(): Promise<void> {
    if (!this.done) await rm(this.dir, { recursive: true, force: true });
  }
}

export async function stageOutputs(target: string, options: { force?: boolean } = {}): Promise<Staging> {
  await checkFolder(target, options.force ?? false);
  try {
    await makeDirs(target);
    const dir = await mkdtemp(path.join(target, STAGING_PREFIX));
    return new Staging(dir, target, options.force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail('output-unwritable', `cannot write to ${target} (${code ?? String(error)})`);
  }
}
