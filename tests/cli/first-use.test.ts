import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { BIN, cli, spawnCli } from '../helpers/cli.js';
import { FIXTURES, tempDir } from '../helpers/fixtures.js';

// Defects a new user met in their first minutes (issue 13): each is a message and an exit code, never a
// stack trace, a hang or a silently surprising result.
let dir: string;
let remove: () => Promise<void>;
let brief: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  brief = at('good.md');
  await copyFile(path.join(FIXTURES, 'robustness', 'good.md'), brief);
  await writeFile(at('a-file'), 'not a folder\n');
});
afterAll(() => remove());

describe('scaffolding onto a file', () => {
  it('init DIR where DIR is a file: an error naming it, exit 1', async () => {
    const result = await cli(['init', at('a-file')]);
    expect(result).toEqual({ code: 1, out: '', err: `briefdeck: cannot write to ${at('a-file')}: a file stands where a folder should be\n` });
  });

  it('templates --eject DIR inside a file: an error naming it, exit 1', async () => {
    const result = await cli(['templates', '--eject', path.join(at('a-file'), 'templates')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^briefdeck: cannot write to .*a-file.*: a file stands where a folder should be\n$/);
  });
});

describe('output', () => {
  it('-o x.pdf is refused (it names a folder): nothing is created', async () => {
    const result = await cli(['build', brief, '--no-fit', '-o', at('x.pdf')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--out takes a folder, and .*x\.pdf looks like a file name/);
    await expect(stat(at('x.pdf'))).rejects.toThrow();
  });

  it('-o into a folder that exists by such a name is used as it is', async () => {
    await mkdir(at('decks.html'));
    expect((await cli(['build', brief, '--no-fit', '-q', '-o', at('decks.html')])).code).toBe(0);
    expect(await readdir(at('decks.html/good'))).toContain('index.html');
  });

  // Node's recursive mkdir retries for ever on /proc (ENOENT for a folder whose parent exists), at
  // full CPU and deaf to Ctrl-C. The kill is a safety net, not a measure: a hang ends with code null.
  it.runIf(process.platform === 'linux')('into /proc: an error naming the folder, exit 1', async () => {
    const result = await spawnCli(['build', brief, '--no-fit', '-o', '/proc/briefdeck-test'], { cwd: dir, killAfterMs: 30_000 });
    expect(result).toEqual({ code: 1, out: '', err: 'cannot write to /proc/briefdeck-test/good (ENOENT)\n' });
  });
});

describe('the command line', () => {
  it('build --help into a pipe closed early (| head -2): no EPIPE stack trace, exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'build', '--help'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader is gone before the first line is written, as `head` is after its lines.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });

  it('serve nothere.md: the error, and nothing printed before it', async () => {
    const result = await cli(['serve', at('nothere.md'), '--no-fit', '--port', '0']);
    expect(result).toEqual({ code: 1, out: '', err: `briefdeck: no such file or folder: ${at('nothere.md')}\n` });
  });

  it('pdf --watch is build --pdf --watch', async () => {
    const stop = new AbortController();
    let out = '';
    let err = '';
    let ended = false;
    const running = run(['pdf', '--watch', brief, '--no-fit', '-o', at('watched')], { stdout: (t) => void (out += t), stderr: (t) => void (err += t), signal: stop.signal });
    void running.finally(() => (ended = true));
    // Waits on the session's own word that the first build is done (or on its end), polling what it printed.
    while (!ended && !out.includes('Watching')) await new Promise((r) => setImmediate(r));
    stop.abort('SIGINT');
    expect({ code: await running, err }).toEqual({ code: 130, err: '' });
    expect(await readdir(at('watched/good'))).toContain('good.pdf');
  });
});
