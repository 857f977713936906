import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../src/import/import-text.js';
import { run } from '../../src/cli/run.js';
import { cli, spawnCli } from '../helpers/cli.js';
import { Output } from '../helpers/output.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { image, makeDocx, MEMO, para, PNG } from '../helpers/docx.js';

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
  await writeFile(at('memo.docx'), MEMO);
  await writeFile(at('not-zip.docx'), 'PK');
  await writeFile(at('encrypted.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  // Paragraph 3 is a heading with nothing under it before the next.
  await writeFile(at('sections.docx'), makeDocx({ body: [para('Opening text of the memo.'), para('Part one', 'Heading1'), para('Empty part', 'Heading1'), para('Part two', 'Heading1'), para('Text.')].join('') }));
  await writeFile(at('linked.docx'), makeDocx({ body: para('Text.') + image('a chart', 'link'), linkTarget: 'file:///etc/hostname' }));
  await writeFile(at('no-article.htm'), await readFile(fixture('import/no-article.html')));
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

  it('writes the brief of a Word document and its images next to it, and says what it found', async () => {
    const { code, out, err } = await cli(['import', at('memo.docx'), '-o', at('word/memo.md')]);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/memo\.md \(2 headings, \d+ paragraphs, 2 list items, 1 table, 2 footnotes, 1 image, 1 quote\)/);
    expect(await readFile(at('word/memo.md'), 'utf8')).toContain('![A map of the basin](memo-images/image1.png)');
    expect(await readFile(at('word/memo-images/image1.png'))).toEqual(PNG);
  });

  it('writes the article of a web page, without its navigation and footer', async () => {
    const { code, err } = await cli(['import', fixture('import/policy-page.html'), '-o', at('web/page.md')]);
    expect([code, err]).toEqual([0, '']);
    const md = await readFile(at('web/page.md'), 'utf8');
    expect(md).toMatch(/^---\ntitle: "Policy memo on water"\nauthor: "Jane Roe"\nlang: en\n---\n/);
    expect(md).toContain('| Dam       | $3bn |');
    expect(md).not.toMatch(/Home|About|Copyright|fetch|javascript|onerror/);
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
    ['a file that is not a Word document', 'not-zip.docx', /not-zip\.docx:1: this is not a Word document \(\.docx files are zip archives; this one is not\)\n$/],
    ['a password-protected Word document', 'encrypted.docx', /encrypted\.docx:1: this Word document is password-protected \(or an old \.doc file\); remove the password or save it as \.docx, then import it\n$/],
    ['a web page with no article', 'no-article.htm', /no-article\.htm:1: no article found in this web page \(only navigation, headers and footers\); save the article itself as HTML or plain text\n$/],
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

  it('builds a Word document and a web page, converted in memory, the images embedded', async () => {
    const out = at('out3');
    for (const input of [at('memo.docx'), fixture('import/policy-page.html')]) {
      const { code, err } = await cli(['build', input, '--no-fit', '-o', out, '-q']);
      expect([code, err]).toEqual([0, '']);
    }
    const memo = await readFile(path.join(out, 'memo', 'index.html'), 'utf8');
    expect(memo).toContain('Ministry figures, 2024.');
    expect(memo).toContain(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(await readFile(path.join(out, 'policy-page', 'index.html'), 'utf8')).toContain('Ration water in summer months');
  });

  it('says when a picture of the document is not in the brief: import and build', async () => {
    const warning = /linked\.docx:1 warning import-dropped an image linked from outside the document is not read; its alt text is kept \(insert the picture itself\)\n/;
    const imported = await cli(['import', at('linked.docx'), '-o', at('linked/linked.md')]);
    expect(imported.code).toBe(0);
    expect(imported.err).toMatch(warning);
    const built = await cli(['build', at('linked.docx'), '--no-fit', '-o', at('out4')]);
    expect(built.code).toBe(0);
    expect(built.err + built.out).toMatch(warning);
  });

  it("reports a problem in a Word document at its paragraph", async () => {
    const { out } = await cli(['check', at('sections.docx'), '--no-fit']);
    expect(out).toMatch(/sections\.docx:3:1 warning section-empty section "Empty part" has no text/);
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
