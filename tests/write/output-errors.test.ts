import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stagingFs } from '../../src/write/stage-outputs.js';
import { cli } from '../helpers/cli.js';
import { FIXTURES, tempDir } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
let out: string;
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
  out = path.join(dir, 'out');
  for (const name of ['a.md', 'b.md']) await copyFile(path.join(FIXTURES, 'robustness', 'good.md'), path.join(dir, name));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await remove();
});

const brief = (name: string): string => path.join(dir, name);

describe('a disk that refuses a write is a located error, never a crash', () => {
  it('ENOSPC while writing one brief names its output; the other brief of the run is still built', async () => {
    const real = stagingFs.writeFile;
    vi.spyOn(stagingFs, 'writeFile').mockImplementation(async (file, data) => {
      if (String(file).startsWith(path.join(out, 'a') + path.sep) && String(file).endsWith('index.html')) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), { code: 'ENOSPC', path: String(file) });
      }
      return real(file, data);
    });
    const result = await cli(['build', brief('a.md'), brief('b.md'), '-o', out, '--no-fit', '-q']);
    expect(result).toEqual({ code: 1, out: '', err: `cannot write ${path.join(out, 'a', 'index.html')}: no space left on the device (ENOSPC)\n` });
    expect(await readdir(path.join(out, 'a'))).toEqual([]);
    expect((await readdir(path.join(out, 'b'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html']);
  });

  it('ENOSPC in the middle of the commit: the next build completes it', async () => {
    expect((await cli(['build', brief('a.md'), '-o', out, '--no-fit', '-q'])).code).toBe(0);
    await writeFile(brief('a.md'), '# Changed\n\nNew words.\n');
    const real = stagingFs.rename;
    // The manifest's rename, after index.html's: the folder would hold a new deck beside an old manifest.
    vi.spyOn(stagingFs, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('.briefdeck-manifest.json')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', path: String(to) });
      return real(from, to);
    });
    const failed = await cli(['build', brief('a.md'), '-o', out, '--no-fit', '-q']);
    expect(failed).toEqual({ code: 1, out: '', err: `cannot write ${path.join(out, 'a', '.briefdeck-manifest.json')}: no space left on the device (ENOSPC)\n` });
    vi.restoreAllMocks();
    expect(await cli(['build', brief('a.md'), '-o', out, '--no-fit', '-q'])).toEqual({ code: 0, out: '', err: '' });
    expect((await readdir(path.join(out, 'a'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html']);
  });
});

describe('a folder where an output goes (EISDIR), for real', () => {
  it.each([[[]], [['--force']]])('is refused, naming it, with %j; the other brief is still built', async (flags) => {
    expect((await cli(['build', brief('a.md'), '-o', out, '--no-fit', '-q'])).code).toBe(0);
    await rm(path.join(out, 'a', 'index.html'));
    await mkdir(path.join(out, 'a', 'index.html', 'inside'), { recursive: true });
    const result = await cli(['build', brief('a.md'), brief('b.md'), '-o', out, '--no-fit', '-q', ...flags]);
    expect(result).toEqual({ code: 1, out: '', err: `${path.join(out, 'a', 'index.html')} is a folder, where briefdeck writes a file; move it away or choose another --out\n` });
    expect(await readdir(path.join(out, 'a', 'index.html'))).toEqual(['inside']);
    expect((await readdir(path.join(out, 'b'))).sort()).toEqual(['.briefdeck-manifest.json', 'index.html']);
  });

  it('a file where the deck folder goes is an error naming it', async () => {
    await mkdir(out);
    await writeFile(path.join(out, 'a'), 'not a folder');
    const result = await cli(['build', brief('a.md'), '-o', out, '--no-fit', '-q']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^cannot write to ${path.join(out, 'a').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(E[A-Z]+\\)\n$`));
  });
});
