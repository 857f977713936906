import { access, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';

export interface NewFile {
  /** Path relative to the destination folder. */
  name: string;
  data: string;
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
    for (const t of targets) if (await exists(t)) taken.push(path.relative(process.cwd(), t) || t);
    if (taken.length > 0) fail('file-exists', `would overwrite ${taken.join(', ')} (use --force to replace)`, { exitCode: EXIT.usage });
  }
  for (const [i, file] of files.entries()) {
    await mkdir(path.dirname(targets[i]), { recursive: true });
    const temp = `${targets[i]}.${process.pid}.tmp`;
    await writeFile(temp, file.data);
    await rename(temp, targets[i]);
  }
  return targets;
}

/**
 * Writes one file atomically, never over an existing one unless `force`: the complete file
 * appears under its name at once (a hard link fails when the name is taken, even if it was taken
 * a moment ago), or not at all.
 */
export async function writeNewFile(target: string, data: string, force = false): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, data, { flag: 'wx' });
  try {
    if (force) return await rename(temp, target);
    try {
      await link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') fail('file-exists', `${path.relative(process.cwd(), target) || target} exists; briefdeck will not overwrite it (use --force to replace it)`);
      // A file system without hard links: the check and the rename are then two steps.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (await exists(target)) fail('file-exists', `${path.relative(process.cwd(), target) || target} exists; briefdeck will not overwrite it (use --force to replace it)`);
      return await rename(temp, target);
    }
  } finally {
    await rm(temp, { force: true });
  }
}

async function readTree(dir: string, prefix: string, pattern: RegExp): Promise<NewFile[]> {
  const names = (await readdir(path.join(TEMPLATES_DIR, dir))).filter((n) => pattern.test(n)).sort();
  return Promise.all(names.map(async (n) => ({ name: path.join(prefix, n), data: await readFile(path.join(TEMPLATES_DIR, dir, n), 'utf8') })));
}

/** `briefdeck templates --eject DIR`: the built-in deck and handout templates and themes, to edit as a starting point. */
export async function ejectTemplates(dir: string, force = false): Promise<string[]> {
  const top = await Promise.all(['deck.hbs', 'handout.hbs'].map(async (name) => ({ name, data: await readFile(path.join(TEMPLATES_DIR, name), 'utf8') })));
  const files = [...top, ...(await readTree('partials', 'partials', /\.hbs$/)), ...(await readTree('handout', 'handout', /^(?:.*\.hbs|handout\.css)$/)), ...(await readTree('themes', 'themes', /\.css$/))];
  return writeNewFiles(dir, files, force);
}

/** `briefdeck init [DIR]`: a config, an example brief that shows every feature, and a README. */
export async function initProject(dir: string, force = false): Promise<string[]> {
  const files = await readTree('init', '', /\.(?:md|yaml|svg)$/);
  const named = files.map((f) => (f.name === 'example.md' || f.name === 'logo.svg' ? { ...f, name: path.join('content', f.name) } : f));
  return writeNewFiles(dir, named, force);
}
