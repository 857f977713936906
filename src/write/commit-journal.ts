import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';

/** Staging folders of this or an interrupted run: briefdeck's own, never a sign of someone else's files. */
export const STAGING_PREFIX = '.briefdeck-tmp-';

/**
 * The commit's point of no return. Written (by one rename, so it is there whole or not at all) once
 * every output is complete in the staging folder, removed once every one is in place: while it is
 * there, the folder holds a commit that must be completed, whatever killed the one doing it.
 */
export const JOURNAL_NAME = '.briefdeck-commit.json';

export interface Journal {
  /** The staging folder's name, inside the output folder. */
  staging: string;
  /** Names renamed from the staging folder into the output folder, the manifest last. */
  files: string[];
}

/** Staging folders this process is still filling: never a leftover, whatever their name says. */
const active = new Set<string>();

export function stagingStarted(dir: string): void {
  active.add(path.resolve(dir));
}

export function stagingEnded(dir: string): void {
  active.delete(path.resolve(dir));
}

/** `.briefdeck-tmp-<pid>-XXXXXX`: the pid of the process that stages into it. */
export function stagingPrefix(target: string): string {
  return path.join(target, `${STAGING_PREFIX}${process.pid}-`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A staging folder no running build fills: its process is gone (or it predates pids in the name). */
function isLeftover(target: string, name: string): boolean {
  if (active.has(path.resolve(target, name))) return false;
  const pid = Number(/^\.briefdeck-tmp-(\d+)-/.exec(name)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return true;
  return !alive(pid);
}

/** A plain name inside the folder: a journal is briefdeck's, but the folder may come from anywhere. */
function plainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

async function readJournal(target: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(target, JOURNAL_NAME), 'utf8');
  } catch {
    return undefined;
  }
  let journal: Partial<Journal> | undefined;
  try {
    journal = JSON.parse(text) as Partial<Journal>;
  } catch {
    journal = undefined;
  }
  const files = journal?.files;
  if (!journal || !plainName(journal.staging) || !journal.staging.startsWith(STAGING_PREFIX) || !Array.isArray(files) || !files.every(plainName)) {
    fail('output-journal', `${path.join(target, JOURNAL_NAME)} is not a commit journal briefdeck wrote; remove it and build again`);
  }
  return { staging: journal.staging, files };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** Renames what is still staged into place: the outputs already moved are the new ones too. */
export async function rollForward(target: string, journal: Journal): Promise<void> {
  const staged = path.join(target, journal.staging);
  for (const name of journal.files) {
    const from = path.join(staged, name);
    if (await exists(from)) await rename(from, path.join(target, name));
  }
}

/**
 * Before anything reads or writes the folder: completes a commit that was interrupted (a kill
 * between two renames) and removes the staging folders builds that died left behind, so the folder
 * holds one generation of outputs whose manifest matches them.
 */
export async function settleFolder(target: string): Promise<void> {
  const journal = await readJournal(target);
  // A commit this process is making right now (a watch session's) completes itself.
  if (journal && !active.has(path.resolve(target, journal.staging))) {
    await rollForward(target, journal);
    await rm(path.join(target, JOURNAL_NAME), { force: true });
  }
  let names: string[];
  try {
    names = await readdir(target);
  } catch {
    return; // Missing: nothing to settle.
  }
  for (const name of names) {
    if (name.startsWith(STAGING_PREFIX) && isLeftover(target, name)) await rm(path.join(target, name), { recursive: true, force: true });
  }
}

/**
 * TEST ONLY: `BRIEFDECK_TEST_KILL_AT=<step>` makes the process kill itself with SIGKILL when its
 * commit reaches `<step>` (`staged`, `journal`, `rename-1`, `rename-2`, …, `renamed`), so a test can stop a
 * real build between two renames, where no signal could be aimed. Unset in normal use: no effect.
 */
export function killPoint(step: string): void {
  if (process.env.BRIEFDECK_TEST_KILL_AT === step) process.kill(process.pid, 'SIGKILL');
}
