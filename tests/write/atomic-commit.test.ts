import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, readManifest, sha256 } from '../../src/cache/manifest.js';
import { settleFolder } from '../../src/write/commit-journal.js';
import { stageOutputs } from '../../src/write/stage-outputs.js';
import { BIN } from '../helpers/cli.js';
import { EXAMPLE, ROOT, tempDir } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(() => remove());

const NAMES = ['index.html', 'deck.pdf', 'deck-handout.pdf'];
const STAGE = pathToFileURL(path.join(ROOT, 'lib', 'write', 'stage-outputs.js')).href;

/** Commits generation `gen` of three outputs into `target`, in-process. */
async function commitGeneration(target: string, gen: string): Promise<void> {
  const staging = await stageOutputs(target);
  try {
    for (const name of NAMES) await staging.write(name, `${name} of generation ${gen}\n`);
    await staging.commit();
  } finally {
    await staging.discard();
  }
}

/** The same commit in a process of its own that kills itself (SIGKILL) when the commit reaches `step`. */
async function killedCommit(target: string, gen: string, step: string): Promise<NodeJS.Signals | null> {
  const script = `
    const { stageOutputs } = await import(${JSON.stringify(STAGE)});
    const staging = await stageOutputs(${JSON.stringify(target)});
    for (const name of ${JSON.stringify(NAMES)}) await staging.write(name, name + ' of generation ${gen}\\n');
    await staging.commit();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, BRIEFDECK_TEST_KILL_AT: step }, stdio: 'inherit' });
  const [, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return signal;
}

/** Every file the manifest lists is there with its recorded hash, and nothing else is. */
async function consistent(target: string): Promise<{ names: string[]; generations: string[] }> {
  const manifest = await readManifest(target);
  expect(manifest).toBeDefined();
  for (const [name, file] of Object.entries(manifest!.files)) expect(sha256(await readFile(path.join(target, name))), name).toBe(file.sha256);
  const generations = await Promise.all(NAMES.map(async (n) => /generation (\w+)/.exec(await readFile(path.join(target, n), 'utf8'))![1]));
  return { names: (await readdir(target)).sort(), generations: [...new Set(generations)] };
}

describe('the commit of a deck folder is atomic as a whole', () => {
  // Before the journal is in place the old generation stands; from then on the new one is completed.
  it.each([
    ['staged', 'old'],
    ['journal', 'new'],
    ['rename-1', 'new'],
    ['rename-2', 'new'],
    ['rename-3', 'new'],
    ['rename-4', 'new'],
    ['renamed', 'new'],
  ])('killed at %s: the next build finds one generation (%s), manifest matching, no leftovers', async (step, expected) => {
    const target = path.join(dir, 'deck');
    await commitGeneration(target, 'old');
    expect(await killedCommit(target, 'new', step)).toBe('SIGKILL');
    await settleFolder(target);
    const all = [...NAMES, MANIFEST_NAME].sort();
    expect(await consistent(target)).toEqual({ names: all, generations: [expected] });
    // And the folder is usable: the next commit is not refused as someone else's files.
    await commitGeneration(target, 'next');
    expect(await consistent(target)).toEqual({ names: all, generations: ['next'] });
  });

  it('a journal that is not briefdeck\'s cannot move files out of the folder', async () => {
    const target = path.join(dir, 'deck');
    await commitGeneration(target, 'old');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(target, '.briefdeck-commit.json'), JSON.stringify({ staging: '.briefdeck-tmp-1-x', files: ['../../escape'] }));
    await expect(settleFolder(target)).rejects.toThrow(/is not a commit journal briefdeck wrote/);
  });

  it('a real build killed between two renames: the next build completes it and builds again', async () => {
    await copyFile(EXAMPLE, path.join(dir, 'example.md'));
    const build = (env: Record<string, string> = {}, ...flags: string[]) =>
      spawnSync(process.execPath, [BIN, 'build', 'example.md', '-o', 'out', '--no-fit', ...flags], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(build({}, '--aspect', '4:3').status).toBe(0);
    const killed = build({ BRIEFDECK_TEST_KILL_AT: 'rename-1' });
    expect(killed.signal).toBe('SIGKILL');
    const next = build();
    expect({ status: next.status, stderr: next.stderr }).toEqual({ status: 0, stderr: '' });
    const target = path.join(dir, 'out', 'example');
    expect((await readdir(target)).sort()).toEqual([MANIFEST_NAME, 'index.html']);
    const manifest = await readManifest(target);
    expect(sha256(await readFile(path.join(target, 'index.html')))).toBe(manifest!.files['index.html'].sha256);
  });
});
