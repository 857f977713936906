import { cp, mkdir, readdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliHost } from '../helpers/cli-host.js';
import { FIXTURES, tempDir } from '../helpers/fixtures.js';

let home: string;
let remove: () => Promise<void>;
const host = new CliHost();

/** Every case runs in a copy of tests/fixtures/robustness, so messages carry short relative paths. */
beforeAll(async () => {
  ({ dir: home, remove } = await tempDir());
  await cp(path.join(FIXTURES, 'robustness'), home, { recursive: true });
  await writeFile(path.join(home, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await writeFile(path.join(home, 'latin1.md'), Buffer.from('---\ntitle: Caf\xe9\n---\n\nLine two\nr\xe9sum\xe9\n', 'latin1'));
  await mkdir(path.join(home, 'folder.md'));
  await writeFile(path.join(home, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await writeFile(path.join(home, 'blank.txt'), ' \n\t\n');
  await writeFile(path.join(home, 'memo.docx'), 'PK');
  await writeFile(path.join(home, 'notes.txt'), 'Some notes.\n');
  await writeFile(path.join(home, 'huge.md'), '');
  await truncate(path.join(home, 'huge.md'), 50 * 2 ** 20);
  await mkdir(path.join(home, 'no-briefs'));
  await writeFile(path.join(home, 'no-briefs', 'readme.txt'), 'not a brief');
  await symlink('/etc/hostname', path.join(home, 'linked.png'));
  await writeFile(path.join(home, 'image-symlink.md'), '---\ntitle: Linked\n---\n\nText.\n\n![host](linked.png)\n');
});
afterAll(async () => {
  await host.close();
  await remove();
});

async function outputs(): Promise<string[]> {
  return readdir(path.join(home, 'out')).catch(() => []);
}

/** [what, argv, exit code, exact stderr] — and nothing may be written for any of them. */
const ERRORS: Array<[string, string[], number, string]> = [
  ['a missing file', ['build', 'nope.md'], 1, 'briefdeck: no such file or folder: nope.md\n'],
  ['a glob matching nothing', ['build', 'drafts/*.md'], 1, 'briefdeck: no such file or folder: drafts/*.md (no file matches this pattern)\n'],
  ['a folder with no briefs', ['build', 'no-briefs'], 1, 'briefdeck: no Markdown briefs (.md) in no-briefs\n'],
  ['a folder where a file was expected', ['build', 'folder.md'], 1, 'briefdeck: folder.md is a folder, not a Markdown file\n'],
  ['a device where a file was expected', ['build', '/dev/zero'], 1, '/dev/zero is not a regular file (a device, pipe or socket), not a Markdown brief\n'],
  ['a 50 MB brief', ['build', 'huge.md'], 1, 'huge.md is 50 MB; briefs are limited to 10 MB (split it into several briefs)\n'],
  ['an empty file', ['build', 'empty.md'], 1, 'empty.md:1: the brief is empty\n'],
  ['front matter only', ['build', 'front-matter-only.md'], 1, 'front-matter-only.md:4: the brief has front matter but no text after it\n'],
  ['invalid YAML', ['build', 'invalid-yaml.md'], 1, 'invalid-yaml.md:3:10: invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]\n'],
  ['a budget that is not a number', ['build', 'wrong-budget.md'], 1, 'wrong-budget.md:3:1: `budget` must be a whole number of words between 20 and 1000\n'],
  ['a title that is a list', ['build', 'wrong-title.md'], 1, 'wrong-title.md:2:1: `title` must be text, not a list\n'],
  ['TOML front matter', ['build', 'toml.md'], 1, 'toml.md:1:1: TOML front matter (+++) is not supported; write YAML between --- lines\n'],
  ['a binary file', ['build', 'binary.md'], 1, 'binary.md:1: this is a binary file, not a Markdown brief\n'],
  ['text that is not UTF-8', ['build', 'latin1.md'], 1, 'latin1.md:2: the file is not valid UTF-8 text (save it as UTF-8)\n'],
  ['a binary file named .txt', ['build', 'binary.txt'], 1, 'binary.txt:1: this is a binary file, not plain text\n'],
  ['a .txt with no words', ['build', 'blank.txt'], 1, 'blank.txt:1: the text file is empty\n'],
  ['a file named .docx that is not a Word document', ['build', 'memo.docx'], 1, 'memo.docx:1: this is not a Word document (.docx files are zip archives; this one is not)\n'],
  ['importing a .txt with no words', ['import', 'blank.txt', '-o', 'new.md'], 1, 'briefdeck: blank.txt:1: the text file is empty\n'],
  ['importing over a brief', ['import', 'notes.txt', '-o', 'good.md'], 1, 'briefdeck: good.md exists; briefdeck will not overwrite it (use --force to replace it)\n'],
  ['an image path leaving the folder', ['build', 'image-escape.md'], 1, expect.stringMatching(/^image-escape\.md:7: cannot use the image \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd: it is outside the brief's folder \(.+\); copy it next to the brief\n$/) as never],
  ['an absolute image path', ['build', 'image-absolute.md'], 1, expect.stringMatching(/^image-absolute\.md:7: cannot use the image \/etc\/hostname: it is outside the brief's folder/) as never],
  ['an image symlink out of the folder', ['build', 'image-symlink.md'], 1, expect.stringMatching(/^image-symlink\.md:7: cannot use the image linked\.png: it links to \/etc\/hostname, outside the brief's folder/) as never],
  ['an output folder under a file', ['build', 'good.md', '-o', '/dev/null/out'], 1, 'cannot write to /dev/null/out/good (ENOTDIR)\n'],
  ['an output folder equal to the input folder', ['build', '.', '-o', '.'], 2, 'briefdeck: the output folder . is inside the input folder .; choose another with --out\n'],
  ['an output folder inside the input folder', ['build', '.', '-o', 'decks'], 2, 'briefdeck: the output folder decks is inside the input folder .; choose another with --out\n'],
  ['an unknown option', ['build', 'good.md', '--frobnicate'], 2, "error: unknown option '--frobnicate'\n(run briefdeck --help for usage)\n"],
];

describe('bad input: a located message, a non-zero exit, nothing written', () => {
  it.each(ERRORS)('%s', async (_what, argv, code, message) => {
    const result = await host.run([...argv, ...(argv.includes('-o') ? [] : ['-o', 'out'])], home);
    expect(result.err).toEqual(message);
    expect(result.code).toBe(code);
    expect(result.out).toBe('');
    expect(await outputs()).toEqual([]);
  });
});
