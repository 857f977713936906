import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, readConfined } from '../../src/load/read-confined.js';
import { tempDir } from '../helpers/fixtures.js';

async function folder(): Promise<{ root: string; outside: string }> {
  const { dir: base } = await tempDir();
  const root = path.join(base, 'brief');
  const outside = path.join(base, 'elsewhere');
  await mkdir(root);
  await mkdir(outside);
  await writeFile(path.join(root, 'ok.css'), 'body { color: red }');
  await writeFile(path.join(outside, 'secret.txt'), 'TOKEN=42');
  return { root, outside };
}

describe('readConfined', () => {
  it('reads a regular file inside its root', async () => {
    const { root } = await folder();
    const read = await readConfined(path.join(root, 'ok.css'), { root, limit: LIMITS.theme });
    expect('bytes' in read && read.bytes.toString()).toBe('body { color: red }');
  });

  it('refuses ../, absolute paths and symlinks that leave the root', async () => {
    const { root, outside } = await folder();
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.css'));
    await symlink('/proc/self/environ', path.join(root, 'env.css'));
    for (const file of [path.join(root, '..', 'elsewhere', 'secret.txt'), path.join(outside, 'secret.txt'), path.join(root, 'link.css'), path.join(root, 'env.css')]) {
      const read = await readConfined(file, { root, limit: LIMITS.theme });
      expect(read).toMatchObject({ refused: 'outside' });
    }
    const link = await readConfined(path.join(root, 'link.css'), { root, limit: LIMITS.theme });
    expect('message' in link && link.message).toMatch(/links to .*secret\.txt, outside/);
  });

  it('refuses folders, devices and FIFOs without blocking on them', async () => {
    const { root } = await folder();
    execFileSync('mkfifo', [path.join(root, 'pipe.css')]);
    await mkdir(path.join(root, 'dir.css'));
    expect(await readConfined(path.join(root, 'pipe.css'), { root, limit: LIMITS.theme })).toMatchObject({ refused: 'not-regular' });
    expect(await readConfined(path.join(root, 'dir.css'), { root, limit: LIMITS.theme })).toMatchObject({ refused: 'folder' });
    // A trusted path (no root) is still never a device.
    expect(await readConfined('/dev/zero', { limit: LIMITS.logo })).toMatchObject({ refused: 'not-regular' });
  });

  it('refuses a file over its limit, also one whose size the file system does not tell', async () => {
    const { root } = await folder();
    await writeFile(path.join(root, 'big.css'), 'x'.repeat(1025));
    expect(await readConfined(path.join(root, 'big.css'), { root, limit: 1024 })).toMatchObject({ refused: 'too-large' });
    expect(await readConfined(path.join(root, 'big.css'), { root, limit: 1025 })).toMatchObject({ bytes: expect.any(Buffer) });
    // /proc files report size 0 and still hold bytes: the limit is enforced on what is read.
    expect(await readConfined('/proc/self/environ', { limit: 1 })).toMatchObject({ refused: 'too-large' });
  });

  it('says a missing file is missing', async () => {
    const { root } = await folder();
    expect(await readConfined(path.join(root, 'none.css'), { root, limit: LIMITS.theme })).toMatchObject({ refused: 'missing' });
  });
});
