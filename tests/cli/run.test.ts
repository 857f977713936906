import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { ROOT, fixture, tempDir } from '../helpers/fixtures.js';

const exec = promisify(execFile);

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

let tmp: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(() => tmp.remove());

describe('briefdeck CLI', () => {
  it('prints help with examples and exit codes', async () => {
    const { code, stdout } = await cli(['build', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: briefdeck build [options] [inputs...]');
    expect(stdout).toContain('Exit codes:');
    expect(stdout).toContain('--pdf');
  });

  it('prints its version', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on bad usage', async () => {
    const { code, stderr } = await cli(['build', '--budget', 'ten']);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--budget <words>' argument 'ten' is invalid");
  });

  it('builds a brief and prints one line with slides, outputs and time', async () => {
    const out = path.join(tmp.dir, 'out');
    const { code, stdout, stderr } = await cli(['build', fixture('nested-lists.md'), '-o', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Slides, build time, and (a browser being found) the time spent fitting the slides in it.
    expect(stdout).toMatch(/nested-lists\.md → .*nested-lists\/index\.html \(\d+ slides; [\d.]+ m?s, fitted in [\d.]+ m?s\)\n$/);
    expect((await readdir(path.join(out, 'nested-lists'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html']);
  });

  it('reports a located error, exits 1 and writes nothing', async () => {
    const bad = path.join(tmp.dir, 'bad.md');
    await writeFile(bad, '---\ntitle: T\nlang: [en\n---\nBody\n');
    const out = path.join(tmp.dir, 'bad-out');
    const { code, stderr } = await cli(['build', bad, '-o', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.md:3:7: invalid YAML in front matter: /);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('leaves the previous deck intact when a rebuild fails', async () => {
    const file = path.join(tmp.dir, 'keep.md');
    const out = path.join(tmp.dir, 'keep-out');
    await writeFile(file, '---\ntitle: Keep\n---\n\nGood text.\n');
    expect((await cli(['build', file, '--no-fit', '-o', out])).code).toBe(0);
    const before = await readFile(path.join(out, 'keep', 'index.html'), 'utf8');
    await writeFile(file, '---\ntitle: Keep\nbudget: -1\n---\n\nBroken.\n');
    expect((await cli(['build', file, '--no-fit', '-o', out])).code).toBe(1);
    expect(await readFile(path.join(out, 'keep', 'index.html'), 'utf8')).toBe(before);
    expect((await readdir(path.join(out, 'keep'))).filter((f) => f.startsWith('.briefdeck-tmp'))).toEqual([]);
  });

  it('exits 3 with install advice when --pdf has no browser', async () => {
    const { code, stderr } = await cli(['pdf', fixture('no-sections.md'), '-o', path.join(tmp.dir, 'x'), '--browser', '/nowhere/chrome']);
    expect(code).toBe(3);
    expect(stderr).toContain('npm run setup');
  });

  it('refuses an output folder inside the input folder', async () => {
    const { code, stderr } = await cli(['build', path.join(ROOT, 'tests', 'fixtures'), '-o', path.join(ROOT, 'tests', 'fixtures', 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain('is inside the input folder');
  });

  it('runs as a real process through bin/briefdeck.js', async () => {
    const out = path.join(tmp.dir, 'proc');
    const { stdout } = await exec(process.execPath, [path.join(ROOT, 'bin', 'briefdeck.js'), 'build', fixture('no-sections.md'), '-o', out], { cwd: ROOT });
    expect(stdout).toContain('no-sections/index.html (2 slides');
    const failed = await exec(process.execPath, [path.join(ROOT, 'bin', 'briefdeck.js'), 'build', 'content/missing.md'], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: 'briefdeck: no such file or folder: content/missing.md\n' });
  });
});
