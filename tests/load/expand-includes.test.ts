import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics, locateIn } from '../../src/diagnostics.js';
import { BriefdeckError } from '../../src/errors.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { loadBrief, parseBrief } from '../../src/load/load-brief.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const shown = (file: string) => path.relative(process.cwd(), file);
const BRIEF = shown(fixture('includes/brief.md'));
const ANNEX = shown(fixture('includes/parts/annex.md'));
const DETAIL = shown(fixture('includes/parts/nested/detail.md'));

async function refusal(file: string): Promise<{ message: string; exitCode: number }> {
  try {
    await loadBrief(file, new Diagnostics());
  } catch (error) {
    if (error instanceof BriefdeckError) return { message: error.describe(), exitCode: error.exitCode };
    throw error;
  }
  throw new Error(`${file} loaded`);
}

describe('expandIncludes, through loadBrief', () => {
  it('inserts each included file after its directive, nested, and maps every line back', async () => {
    const brief = await loadBrief(BRIEF, new Diagnostics());
    const lines = brief.body.split('\n');
    const at = (text: string) => brief.bodyLine + lines.findIndex((l) => l.startsWith(text));
    expect(brief.includes).toEqual([ANNEX, DETAIL]);
    expect(brief.lines).toEqual([
      { from: 4, file: BRIEF, line: 4 },
      { from: 12, file: ANNEX, line: 1 },
      { from: 21, file: DETAIL, line: 1 },
      { from: 22, file: BRIEF, line: 12 },
    ]);
    const where = (text: string) => locateIn(brief, { file: BRIEF, line: at(text) });
    expect(where('Brief words')).toEqual({ file: BRIEF, line: 5 });
    expect(where('Annex words')).toEqual({ file: ANNEX, line: 3 });
    expect(where('![a chart that')).toEqual({ file: ANNEX, line: 7 });
    expect(where('Detail words')).toEqual({ file: DETAIL, line: 1 });
    expect(where('## Showing')).toEqual({ file: BRIEF, line: 13 });
    expect(where('![a missing chart]')).toEqual({ file: BRIEF, line: 21 });
    // A place in the front matter, or in another file, is left alone.
    expect(locateIn(brief, { file: BRIEF, line: 2, column: 1 })).toEqual({ file: BRIEF, line: 2, column: 1 });
    expect(locateIn(brief, { file: 'other.md', line: 30 })).toEqual({ file: 'other.md', line: 30 });
  });

  it('leaves a directive inside a code block as text, and drops the others once expanded', async () => {
    const brief = await loadBrief(BRIEF, new Diagnostics());
    expect(brief.body.match(/Annex words/g)).toHaveLength(1);
    const blocks = lexBrief(brief).blocks;
    expect(blocks.filter((b) => b.token.raw.includes('<!-- include:')).map((b) => [b.token.type, b.line])).toEqual([['code', 27]]);
  });

  it('a brief without directives is read as before: no line map, nothing included', async () => {
    const brief = await loadBrief(fixture('includes/other.md'), new Diagnostics());
    expect({ lines: brief.lines, includes: brief.includes }).toEqual({ lines: undefined, includes: undefined });
  });

  it('parseBrief (text in memory) expands nothing', () => {
    const brief = parseBrief('Text.\n\n<!-- include: parts/annex.md -->\n', 'x.md', new Diagnostics());
    expect({ body: brief.body, lines: brief.lines }).toEqual({ body: 'Text.\n\n<!-- include: parts/annex.md -->\n', lines: undefined });
  });
});

describe('includes that are refused: located errors (exit 1)', () => {
  const refused = (name: string) => shown(fixture(`includes/refused/${name}`));
  const root = fixture('includes/refused');
  it.each([
    ['absolute.md', `${refused('absolute.md')}:7: cannot include /etc/passwd: absolute paths are refused; give the path relative to this file`],
    ['escape.md', `${refused('escape.md')}:7: cannot include ../other.md: it is outside the brief's folder (${root})`],
    ['missing.md', `${refused('missing.md')}:7: cannot include parts/nowhere.md: no such file`],
    ['folder.md', `${refused('folder.md')}:7: cannot include parts/folder: it is a folder, not a file`],
    ['binary.md', `${refused('binary.md')}:7: cannot include parts/binary.md: it is a binary file, not Markdown`],
    ['latin1.md', `${refused('latin1.md')}:7: cannot include parts/latin1.md: it is not valid UTF-8 text (its line 2); save it as UTF-8`],
    ['front-matter.md', `${refused('parts/with-meta.md')}:1: an included file cannot have front matter (it is included at front-matter.md:7); move its keys to the brief`],
    ['cycle.md', `${refused('parts/cycle-b.md')}:3: include cycle: cycle.md → parts/cycle-a.md → parts/cycle-b.md → parts/cycle-a.md`],
    ['deep.md', `${refused('parts/deep-8.md')}:3: includes nest more than 8 deep: deep.md → ${Array.from({ length: 9 }, (_, i) => `parts/deep-${i + 1}.md`).join(' → ')}`],
    ['no-path.md', `${refused('no-path.md')}:7: the include directive names no file: write <!-- include: path/to/part.md -->`],
  ])('%s', async (name, message) => {
    expect(await refusal(fixture(`includes/refused/${name}`))).toEqual({ message, exitCode: 1 });
  });

  it('a symlink that leads out of the brief\'s folder', async () => {
    const { dir, remove } = await tempDir();
    try {
      await mkdir(path.join(dir, 'brief'));
      await writeFile(path.join(dir, 'secret.md'), 'Secret.\n');
      await symlink(path.join(dir, 'secret.md'), path.join(dir, 'brief', 'part.md'));
      const file = path.join(dir, 'brief', 'x.md');
      await writeFile(file, 'Text.\n\n<!-- include: part.md -->\n');
      expect(await refusal(file)).toEqual({
        message: `${shown(file)}:3: cannot include part.md: it links to ${path.join(dir, 'secret.md')}, outside the brief's folder (${path.join(dir, 'brief')})`,
        exitCode: 1,
      });
    } finally {
      await remove();
    }
  });
});
