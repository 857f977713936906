import { access, link, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BriefdeckError, EXIT, fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import { makeDirs } from './make-dirs.js';

export interface NewFile {
  /** Path relative to the destination folder. */
  name: string;
  data: string | Uint8Array;
}

/** Relative to the working folder when inside it, else as it is. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

/**
 * Writes files into `dir`, each atomically. Nothing is written when any of them already exists,
 * unless `force`: a scaffold never half-overwrites someone's work.
 */
export async function writeNewFiles(dir: string, files: NewFile[], force = false): Promise<string[]> {
  const targets = files.map((f) => path.join(dir, f.name));
  if (!force) {
    const taken = [];
    for (const t of targets) if (await exists(t)) taken.push(shownPath(t));
    if (taken.length > 0) fail('file-exists', `would overwrite ${taken.join(', ')} (use --force to replace)`, { exitCode: EXIT.usage });
  }
  for (const [i, file] of files.entries()) await writeOne(targets[i], file.data);
  return targets;
}

/** What the disk refuses is the user's to fix (a file in the way, a read-only folder), not a crash. */
function diskFailure(error: unknown, target: string, temp: string): never {
  if (error instanceof BriefdeckError) throw error;
  const { code, path: where } = error as NodeJS.ErrnoException;
  const shown = shownPath(where === undefined || where === temp ? target : where);
  if (code === 'ENOTDIR' || code === 'EEXIST') fail('output-unwritable', `cannot write to ${shown}: a file stands where a folder should be`);
  if (code === 'EISDIR') fail('output-unwritable', `cannot write to ${shown}: it is a folder`);
  fail('output-unwritable', `cannot write to ${shown} (${code ?? String(error)})`);
}

/** One file, atomically. */
async function writeOne(target: string, data: string | Uint8Array): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await makeDirs(path.dirname(target));
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    diskFailure(error, target, temp);
  }
}

/**
 * Writes one file atomically, never over an existing one unless `force`: the complete file
 * appears under its name at once (a hard link fails when the name is taken, even if it was taken
 * a moment ago), or not at all.
 */
export async function writeNewFile(target: string, data: string, force = false): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  const taken = (): never => fail('file-exists', `${shownPath(target)} exists; briefdeck will not overwrite it (use --force to replace it)`);
  try {
    await makeDirs(path.dirname(target));
    await writeFile(temp, data, { flag: 'wx' });
    if (force) return await rename(temp, target);
    try {
      await link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') taken();
      // A file system without hard links: the check and the rename are then two steps.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (await exists(target)) taken();
      await rename(temp, target);
    }
  } catch (error) {
    diskFailure(error, target, temp);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

async function readTree(dir: string, prefix: string, pattern: RegExp): Promise<NewFile[]> {
  const names = (await readdir(path.join(TEMPLATES_DIR, dir))).filter((n) => pattern.test(n)).sort();
  return Promise.all(names.map(async (n) => ({ name: path.join(prefix, n), data: await readFile(path.join(TEMPLATES_DIR, dir, n), 'utf8') })));
}

/** `briefdeck templates --eject DIR`: every built-in template (deck, handout, deck listing) and theme, to edit as a starting point; `--templates DIR` reads each back. */
export async function ejectTemplates(dir: string, force = false): Promise<string[]> {
  const top = await readTree('.', '', /\.hbs$/);
  const files = [...top, ...(await readTree('partials', 'partials', /\.hbs$/)), ...(await readTree('handout', 'handout', /\.(?:hbs|css)$/)), ...(await readTree('themes', 'themes', /\.css$/))];
  return writeNewFiles(dir, files, force);
}

/** `briefdeck init [DIR]`: a config, an example brief that shows every feature, and a README. */
export async function initProject(dir: string, force = false): Promise<string[]> {
  const files = await readTree('init', '', /\.(?:md|yaml|svg)$/);
  const named = files.map((f) => (f.name === 'example.md' || f.name === 'logo.svg' ? { ...f, name: path.join('content', f.name) } : f));
  return writeNewFiles(dir, named, force);
}
