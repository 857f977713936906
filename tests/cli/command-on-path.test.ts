import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixtures.js';

// The README's quick start puts `briefdeck` on the PATH with `npm link`; `init` and its README then
// tell the user to run `briefdeck …`. Here `npm link` links into a global prefix inside the
// temporary folder (nothing is written to the real one), and the commands run by name from PATH.
let dir: string;
let remove: () => Promise<void>;
let env: NodeJS.ProcessEnv;

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  const prefix = path.join(dir, 'prefix');
  const bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
  env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    NPM_CONFIG_PREFIX: prefix,
    NPM_CONFIG_CACHE: path.join(dir, 'npm-cache'),
    NPM_CONFIG_LOGS_DIR: path.join(dir, 'npm-logs'),
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  };
});
afterAll(() => remove());

describe('the briefdeck command after the quick start', () => {
  it('the quick start installs it with npm link', () => {
    const quickStart = readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('## Quick start')[1].split('\n## ')[0];
    expect(quickStart).toMatch(/^npm link\b/m);
  });

  it('npm link puts a briefdeck on the PATH; init names a command that works and its README says the same', () => {
    const link = sh('npm', ['link', '--offline', '--no-audit', '--no-fund'], ROOT);
    expect(link.code, link.err).toBe(0);

    const init = sh('briefdeck', ['init', 'project'], dir);
    expect(init.code, init.err).toBe(0);
    const named = /build it with: cd (\S+) && (briefdeck [^;)\n]+)/.exec(init.out);
    expect(named, init.out).not.toBeNull();
    expect(init.out).toMatch(/npm link/);
    const readme = readFileSync(path.join(dir, 'project', 'README.md'), 'utf8');
    expect(readme).toContain(named![2]);
    expect(readme).toMatch(/npm link/);

    const [command, ...args] = named![2].trim().split(/\s+/);
    const built = sh(command, args, path.join(dir, named![1]));
    expect(built.code, built.err).toBe(0);
    expect(existsSync(path.join(dir, 'project', 'dist', 'example', 'index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'project', 'dist', 'example', 'example.pdf'))).toBe(true);
  });
});
