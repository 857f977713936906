import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { MANIFEST_NAME, readManifest, sha256, type Manifest } from '../cache/manifest.js';
import { JOURNAL_NAME, STAGING_PREFIX } from './commit-journal.js';

/** A deck folder briefdeck built (it holds a manifest, or a commit its next build completes), or one a failed build left empty. */
async function isOurFolder(dir: string): Promise<boolean> {
  if (await readManifest(dir)) return true;
  try {
    const names = await readdir(dir);
    return names.includes(JOURNAL_NAME) || names.every((e) => e.startsWith(STAGING_PREFIX));
  } catch {
    return false;
  }
}

/**
 * A folder briefdeck may write into: missing, empty, holding its manifest, or holding only deck
 * folders briefdeck built (each with its own manifest, as `dist/` does before its index is written).
 * Anything else holds someone's files, and only `--force` lets a build write beside them.
 */
export async function checkFolder(target: string, force: boolean): Promise<void> {
  if (force) return;
  let entries: Dirent[];
  try {
    entries = await readdir(target, { withFileTypes: true });
  } catch {
    return; // Missing (created next) or unreadable (reported when staging fails).
  }
  const others = entries.filter((e) => !e.name.startsWith(STAGING_PREFIX));
  if (others.some((e) => e.name === MANIFEST_NAME)) return;
  const theirs: string[] = [];
  for (const entry of others) if (!(entry.isDirectory() && (await isOurFolder(path.join(target, entry.name))))) theirs.push(entry.name);
  if (theirs.length === 0) return;
  fail('output-not-ours', `${target} already holds files briefdeck did not write (${theirs.slice(0, 3).join(', ')}${theirs.length > 3 ? ', …' : ''}); choose another --out, empty it, or pass --force`);
}

async function currentHash(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}

/** A folder where an output goes is someone's, whatever `--force` says: a rename could not replace it anyway. */
async function refuseFolders(target: string, names: string[]): Promise<void> {
  for (const name of names) {
    const file = path.join(target, name);
    const isFolder = await lstat(file).then((s) => s.isDirectory(), () => false);
    if (isFolder) fail('output-is-folder', `${file} is a folder, where briefdeck writes a file; move it away or choose another --out`);
  }
}

/**
 * Before replacing an output, it must still be what briefdeck wrote: a file it did not write, or one
 * edited since (its hash differs from the manifest's), is someone's work and is kept unless `--force`.
 */
export async function checkOverwrite(target: string, names: string[], manifest: Manifest | undefined, force: boolean): Promise<void> {
  await refuseFolders(target, [...names, MANIFEST_NAME]);
  if (force) return;
  for (const name of names) {
    const now = await currentHash(path.join(target, name));
    if (now === undefined) continue;
    const wrote = manifest?.files[name]?.sha256;
    if (wrote === now) continue;
    const why = wrote ? 'was changed after briefdeck wrote it' : 'was not written by briefdeck';
    fail('output-changed', `${path.join(target, name)} ${why}; move it away or pass --force to replace it`);
  }
}
