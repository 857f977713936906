import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../src/import/import-text.js';
import { run } from '../../src/cli/run.js';
import { cli, spawnCli } from '../helpers/cli.js';
import { Output } from '../helpers/output.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const EXAMPLE_TEXT = fixture('import/brief-russia-china-afghanistan.txt');
let home: string;
let remove: () => Promise<void>;
const at = (name: string): string => path.join(home, name);

beforeAll(async () => {
  ({ dir: home, remove } = await tempDir());
  await writeFile(at('empty.txt'), '');
  await writeFile(at('blank.txt'), '   \n\t\n\n');
  await writeFile(at('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]));
  await writeFile(at('latin1.txt'), Buffer.from('Line one\nr\xe9sum\xe9\n', 'latin1'));
  await writeFile(at('memo.docx'), 'PK');
  await writeFile(at('page.html'), '<p>x</p>');
  await writeFile(at('page.htm'), '<p>x</p>');
  await writeFile(at('huge.txt'), '');
  await truncate(at('huge.txt'), 11 * 2 ** 20);
  // Lines 1–3 a paragraph, 5 a heading with nothing under it before the next (7).
  await writeFile(at('sections.txt'), '  The opening paragraph of the text\n    wraps over three lines\n    and ends here.\n\nEmpty Part\n\nNext Part\n\nText under the next part.\n');
});
afterAll(() => remove());

async function nothingWritten(): Promise<void> {
  expect((await readdir(home)).filter((f) => f.endsWith('.md') && f !== 'kept.md')).toEqual([]);
}

describe('briefdeck import', () => {
  it('writes the Markdown brief of a plain-text file, and says what it found', async () => {
    const target = at('content/brief.md');
    const { code, out, err } = await cli(['import', EXAMPLE_TEXT, '-o', target]);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/→ .*content\/brief\.md \(4 headings, 18 paragraphs, 4 list items\); check the guessed title and language in its front matter\n$/);
    const expected = importText(await readFile(EXAMPLE_TEXT, 'utf8'), 'brief-russia-china-afghanistan.txt')!.markdown;
    expect(await readFile(target, 'utf8')).toBe(expected);
  });

  it('never overwrites a file, unless --force', async () => {
    const target = at('kept.md');
    await writeFile(target, 'mine\n');
    const refused = await cli(['import', EXAMPLE_TEXT, '-o', target]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^briefdeck: .*kept\.md exists; briefdeck will not overwrite it \(use --force to replace it\)\n$/);
    expect(await readFile(target, 'utf8')).toBe('mine\n');
    expect((await cli(['import', EXAMPLE_TEXT, '-o', target, '--force'])).code).toBe(0);
    expect(await readFile(target, 'utf8')).toMatch(/^---\ntitle: "Russia and China/);
    expect((await readdir(home)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes content/<name>.md by default', async () => {
    const { dir, remove: done } = await tempDir();
    await writeFile(path.join(dir, 'notes.txt'), 'Notes\n\nSome text to read.\n');
    const { code } = await spawnCli(['import', 'notes.txt'], { cwd: dir });
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'content', 'notes.md'), 'utf8')).toContain('Some text to read.');
    await done();
  });

  const REFUSED: Array<[string, string, RegExp]> = [
    ['a Word document', 'memo.docx', /memo\.docx:1: this build of briefdeck imports plain text \(\.txt\) only, not \.docx; save the document as plain text and import that\n$/],
    ['a web page', 'page.html', /page\.html:1: this build of briefdeck imports plain text \(\.txt\) only, not \.html;/],
    ['a web page (.htm)', 'page.htm', /page\.htm:1: this build of briefdeck imports plain text \(\.txt\) only, not \.htm;/],
    ['an empty file', 'empty.txt', /empty\.txt:1: the text file is empty\n$/],
    ['a file of blank lines', 'blank.txt', /blank\.txt:1: the text file is empty\n$/],
    ['a binary file named .txt', 'binary.txt', /binary\.txt:1: this is a binary file, not plain text\n$/],
    ['text that is not UTF-8', 'latin1.txt', /latin1\.txt:2: the file is not valid UTF-8 text \(save it as UTF-8\)\n$/],
    ['a file over the size limit of a brief', 'huge.txt', /huge\.txt is 11 MB; briefs are limited to 10 MB/],
  ];
  it.each(REFUSED)('refuses %s with a located error, exit 1, nothing written', async (_what, name, message) => {
    const { code, err } = await cli(['import', at(name), '-o', at(`${name}.md`)]);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    await nothingWritten();
  });
});

describe('a .txt given to build and check', () => {
  it('builds, converted in memory, under the name of the text', async () => {
    const out = at('out');
    const { code, err } = await cli(['build', at('sections.txt'), '--no-fit', '-o', out, '-q']);
    expect(code).toBe(0);
    expect(err).not.toMatch(/error/);
    expect(await readFile(path.join(out, 'sections', 'index.html'), 'utf8')).toContain('Text under the next part.');
  });

  it("reports a problem at the text's own line", async () => {
    const { out } = await cli(['check', at('sections.txt'), '--no-fit']);
    expect(out).toMatch(/sections\.txt:5:1 warning section-empty section "Empty Part" has no text/);
  });

  it('refuses a Word document or a web page with the message of import, not as Markdown', async () => {
    for (const name of ['memo.docx', 'page.html']) {
      const { code, err } = await cli(['build', at(name), '--no-fit', '-o', at('out3')]);
      expect(code).toBe(1);
      expect(err).toMatch(/:1: this build of briefdeck imports plain text \(\.txt\) only, not \.(docx|html); save the document as plain text and import that\n/);
    }
  });

  it('refuses a binary file named .txt with the located error', async () => {
    const { code, err } = await cli(['build', at('binary.txt'), '--no-fit', '-o', at('out2')]);
    expect(code).toBe(1);
    expect(err).toMatch(/binary\.txt:1: this is a binary file, not plain text\n/);
  });

  it('serves it under the name of the text', async () => {
    const stop = new AbortController();
    const stdout = new Output();
    const running = run(['serve', '--no-fit', '--port', '0', '-o', at('served'), at('sections.txt')], { stdout: stdout.write, stderr: () => undefined, signal: stop.signal });
    try {
      await stdout.until(/Open http:\/\/[^ ]+\/ /);
    } finally {
      stop.abort('SIGINT');
    }
    expect(await running).toBe(130);
    expect(stdout.text).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/sections\/ \(speaker view: press S\)/);
  });
});
