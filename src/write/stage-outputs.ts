import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { VERSION } from '../version.js';
import { MANIFEST_NAME, readManifest, sha256, type Manifest, type ManifestDeck, type ManifestInput } from '../cache/manifest.js';
import { JOURNAL_NAME, killPoint, settleFolder, stagingEnded, stagingPrefix, stagingStarted, type Journal } from './commit-journal.js';
import { checkFolder, checkOverwrite } from './guard-outputs.js';
import { makeDirs } from './make-dirs.js';
import { outputFailure } from './output-error.js';
import type { StoredMeasures } from '../types.js';

/**
 * The writes and renames of a commit, in one object: the seam through which a test makes one fail
 * as a full disk would (ENOSPC), which no test machine can be made to be on demand.
 */
export const stagingFs = { writeFile, rename };

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
 * The renames are one commit: a journal written before the first and removed after the last lets
 * the next build complete a commit that a kill cut short (commit-journal.ts), so the folder never
 * holds a new deck beside an old manifest or PDF.
 */
export class Staging {
  private readonly files: string[] = [];
  private done = false;

  constructor(
    readonly dir: string,
    readonly target: string,
    private readonly force = false,
  ) {
    stagingStarted(dir);
  }

  /** Path inside the staging folder for an output that another stage (export) writes itself. */
  pathOf(name: string): string {
    return path.join(this.dir, name);
  }

  async write(name: string, data: string | Uint8Array): Promise<string> {
    const file = this.pathOf(name);
    await stagingFs.writeFile(file, data);
    this.add(name);
    return file;
  }

  add(name: string): void {
    if (!this.files.includes(name)) this.files.push(name);
  }

  /** Moves every staged file into place as one commit, recorded in the manifest. */
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
    await stagingFs.writeFile(this.pathOf(MANIFEST_NAME), manifestJson(manifest));
    const journal: Journal = { staging: path.basename(this.dir), files: [...this.files, MANIFEST_NAME] };
    await stagingFs.writeFile(this.pathOf(JOURNAL_NAME), `${JSON.stringify(journal)}\n`);
    killPoint('staged');
    // From this rename on, the new generation is decided: a kill is completed by the next build.
    await stagingFs.rename(this.pathOf(JOURNAL_NAME), path.join(this.target, JOURNAL_NAME));
    this.done = true;
    killPoint('journal');
    try {
      for (const [i, name] of journal.files.entries()) {
        await stagingFs.rename(this.pathOf(name), path.join(this.target, name));
        killPoint(`rename-${i + 1}`);
      }
    } catch (error) {
      // Some outputs may be new already: the staging folder stays for the next build to complete.
      stagingEnded(this.dir);
      throw error;
    }
    await rm(path.join(this.target, JOURNAL_NAME), { force: true });
    killPoint('renamed');
    await this.removeDir();
    return this.files.map((name) => path.join(this.target, name));
  }

  /** The error of a failed write or rename, located at the output it was for (see output-error.ts). */
  failure(error: unknown): unknown {
    return outputFailure(error, this.dir, this.target);
  }

  private async removeDir(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    stagingEnded(this.dir);
  }

  async discard(): Promise<void> {
    if (!this.done) await this.removeDir();
  }
}

export async function stageOutputs(target: string, options: { force?: boolean } = {}): Promise<Staging> {
  await settleFolder(target);
  await checkFolder(target, options.force ?? false);
  try {
    await makeDirs(target);
    const dir = await mkdtemp(stagingPrefix(target));
    return new Staging(dir, target, options.force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail('output-unwritable', `cannot write to ${target} (${code ?? String(error)})`);
  }
}
