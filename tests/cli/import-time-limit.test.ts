import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { MEMO } from '../helpers/docx.js';
import { ROOT, tempDir } from '../helpers/fixtures.js';

// Converting a document runs in a worker thread that is terminated at the time limit
// (src/load/convert-in-worker.ts). The worker exists only compiled: these tests run what ships,
// the CLI bundle (bin/briefdeck.js) and the library (lib/).
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await writeFile(path.join(dir, 'memo.docx'), MEMO);
  await writeFile(path.join(dir, 'page.html'), '<html><head><title>A page</title></head><body><article><h1>A page</h1><p>Some text of the page to read.</p></article></body></html>');
  await writeFile(path.join(dir, 'notes.txt'), 'Notes\n\nA paragraph of notes.\n');
});
afterAll(() => remove());

describe('the time limit on converting a document', () => {
  it('converts within the default limit, in the worker', async () => {
    for (const file of ['memo.docx', 'page.html', 'notes.txt']) {
      const run = await spawnCli(['import', file], { cwd: dir });
      expect(run.code, run.err).toBe(0);
      expect(existsSync(path.join(dir, 'content', file.replace(/\.\w+$/, '.md')))).toBe(true);
    }
  });

  it('stops a conversion that takes longer (a millisecond: less than a worker takes to start), writes nothing, exits 1', async () => {
    for (const file of ['memo.docx', 'page.html']) {
      const out = `late-${file}.md`;
      const run = await spawnCli(['import', file, '--time-limit', '0.001', '-o', out], { cwd: dir });
      expect([run.code, run.out]).toEqual([1, '']);
      expect(run.err).toBe(`briefdeck: ${file}:1: converting the document took longer than 0.001 s and was stopped (briefdeck import --time-limit SECONDS allows more)\n`);
      expect(existsSync(path.join(dir, out))).toBe(false);
    }
    expect((await readdir(dir)).filter((f) => f.startsWith('late-'))).toEqual([]);
  });

  it('refuses a time limit that is not a number of seconds', async () => {
    const run = await spawnCli(['import', 'memo.docx', '--time-limit', '0'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^error: option '--time-limit <seconds>' argument '0' is invalid\. expected a number of seconds from 0\.001 to 3600\n/);
  });

  it('holds for the library too: lib/ starts its own compiled worker', () => {
    const script = `import { importFile } from ${JSON.stringify(path.join(ROOT, 'lib', 'load', 'load-brief.js'))};
const { markdown } = await importFile('memo.docx');
let refused;
await importFile('memo.docx', { timeLimit: 1 }).catch((error) => (refused = error));
process.stdout.write(JSON.stringify({ title: /^title: (.*)$/m.exec(markdown)?.[1], code: refused?.code, at: refused?.at }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ title: expect.any(String), code: 'convert-timeout', at: { file: 'memo.docx', line: 1 } });
  });

  it('a build of a document converts it in the same worker', async () => {
    const run = await spawnCli(['build', 'memo.docx', '--no-fit', '-q', '-o', 'out'], { cwd: dir });
    expect(run.code, run.err).toBe(0);
    expect(existsSync(path.join(dir, 'out', 'memo', 'index.html'))).toBe(true);
  });
});
