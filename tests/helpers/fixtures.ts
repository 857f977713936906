import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const EXAMPLE = path.join(ROOT, 'content', 'russia-china-afghanistan.md');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export async function fixtureNames(): Promise<string[]> {
  return (await readdir(FIXTURES)).filter((f) => f.endsWith('.md')).sort();
}

/** A temporary folder, removed by the returned function. */
export async function tempDir(prefix = 'briefdeck-test-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A temporary folder holding a copy of a fixture folder as `<dir>/<as>`, removed by the returned function. */
export async function fixtureCopy(name: string, as = 'content'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const temp = await tempDir();
  await cp(fixture(name), path.join(temp.dir, as), { recursive: true });
  return temp;
}
