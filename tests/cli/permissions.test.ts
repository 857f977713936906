import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { FIXTURES, tempDir } from '../helpers/fixtures.js';

// Root reads and writes through any permission bits, so as root the CLI runs without the
// capabilities that allow it (the checkout itself may be unreadable to other users, as in CI).
const AS_ROOT = process.getuid?.() === 0;
let dir: string;
let remove: () => Promise<void>;

function briefdeck(...args: string[]) {
  const command = AS_ROOT
    ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--', process.execPath, BIN, ...args]
    : [process.execPath, BIN, ...args];
  const result = spawnSync(command[0], command.slice(1), { cwd: dir, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await chmod(dir, 0o777);
  await copyFile(path.join(FIXTURES, 'robustness', 'good.md'), path.join(dir, 'secret.md'));
  await chmod(path.join(dir, 'secret.md'), 0o000);
  await copyFile(path.join(FIXTURES, 'robustness', 'good.md'), path.join(dir, 'good.md'));
  await chmod(path.join(dir, 'good.md'), 0o444);
  await mkdir(path.join(dir, 'locked'));
  await chmod(path.join(dir, 'locked'), 0o555);
});
afterAll(() => remove());

describe('permissions (real process)', () => {
  it('an unreadable brief is an error naming it', () => {
    expect(briefdeck('build', 'secret.md', '-o', 'out')).toEqual({ code: 1, out: '', err: 'cannot read secret.md (EACCES)\n' });
  });

  it('an unwritable output folder is an error naming it, and nothing is written', async () => {
    expect(briefdeck('build', 'good.md', '-o', 'locked')).toEqual({ code: 1, out: '', err: 'cannot write to locked/good (EACCES)\n' });
    expect(await readdir(path.join(dir, 'locked'))).toEqual([]);
  });

  it('init and templates --eject into a read-only folder: an error naming the file, exit 1, no stack trace', async () => {
    expect(briefdeck('init', 'locked')).toEqual({ code: 1, out: '', err: 'briefdeck: cannot write to locked/README.md (EACCES)\n' });
    expect(briefdeck('templates', '--eject', 'locked/templates')).toEqual({ code: 1, out: '', err: 'briefdeck: cannot write to locked/templates (EACCES)\n' });
    expect(await readdir(path.join(dir, 'locked'))).toEqual([]);
  });
});
