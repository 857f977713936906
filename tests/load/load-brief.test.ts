import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic, locateIn } from '../../src/diagnostics.js';
import { BriefdeckError } from '../../src/errors.js';
import { briefName, loadBrief, parseBrief, parseTextBrief } from '../../src/load/load-brief.js';
import { resolveInputs } from '../../src/load/resolve-inputs.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixture, tempDir } from '../helpers/fixtures.js';

function parse(text: string, file = 'content/x.md') {
  const diagnostics = new Diagnostics();
  const brief = parseBrief(text, file, diagnostics);
  return { brief, messages: diagnostics.list.map(formatDiagnostic) };
}

function errorOf(text: string, file = 'content/x.md'): string {
  try {
    parse(text, file);
  } catch (error) {
    if (error instanceof BriefdeckError) return error.describe();
    throw error;
  }
  throw new Error('expected an error');
}

describe('front matter', () => {
  it('reads every documented key', () => {
    const { brief, messages } = parse(
      '---\ntitle: T\nsubtitle: S\nshort_title: Short\nauthors:\n  - name: A\n    affiliation: Org\n  - B\ndate: 2021-09-27\nlang: en-GB\ntheme: institutional\naspect: "4:3"\nbudget: 80\n---\n\nBody.\n',
    );
    expect(messages).toEqual([]);
    expect(brief.meta).toMatchObject({
      title: 'T',
      subtitle: 'S',
      shortTitle: 'Short',
      authors: [{ name: 'A', affiliation: 'Org' }, { name: 'B' }],
      date: '2021-09-27',
      lang: 'en-GB',
      theme: 'institutional',
      aspect: '4:3',
      budget: 80,
    });
    expect(brief.bodyLine).toBe(15);
  });

  it('takes `author` as a single string', () => {
    expect(parse('---\ntitle: T\nauthor: Jane Doe\n---\nBody\n').brief.meta.authors).toEqual([{ name: 'Jane Doe' }]);
  });

  it('warns about an unknown key and names the closest known one, at its line', () => {
    expect(parse('---\ntitle: T\nsubtitel: S\n---\nBody\n').messages).toEqual([
      'content/x.md:3:1 warning meta-unknown-key unknown front-matter key `subtitel` (did you mean `subtitle`?)',
    ]);
  });

  it('reports invalid YAML with line and column', () => {
    expect(errorOf('---\ntitle: T\ndate: [2021\nlang: en\n---\nBody\n')).toMatch(/^content\/x\.md:3:7: invalid YAML in front matter: /);
  });

  it('places a bracket or quote left open where it opens, not on the line below', () => {
    expect(errorOf('---\ntitle: "T\nlang: en\n---\nBody\n')).toMatch(/^content\/x\.md:2:8: invalid YAML in front matter: Missing closing "quote/);
    expect(errorOf("---\ntitle: T\nsubtitle: 'S\n---\nBody\n")).toMatch(/^content\/x\.md:3:11: invalid YAML in front matter: Missing closing 'quote/);
    expect(errorOf('---\ntitle: T\nauthors: [a,\n  b,\n  c\nlang: en\n---\nBody\n')).toMatch(/^content\/x\.md:3:10: .* end with a \]$/);
    expect(errorOf('---\ntitle: T\nextra: {a: [1, 2], b: 3\nlang: en\n---\nBody\n')).toMatch(/^content\/x\.md:3:8: .* end with a \}$/);
  });

  it('rejects values of the wrong type at their line', () => {
    expect(errorOf('---\ntitle: T\nbudget: lots\n---\nBody\n')).toBe('content/x.md:3:1: `budget` must be a whole number of words between 20 and 1000');
    expect(errorOf('---\ntitle: [a, b]\n---\nBody\n')).toBe('content/x.md:2:1: `title` must be text, not a list');
    expect(errorOf('---\ntitle: T\naspect: "21:9"\n---\nBody\n')).toBe('content/x.md:3:1: `aspect` must be one of 16:9, 4:3 (got "21:9")');
  });
});

describe('title fallbacks', () => {
  it('uses the first # heading, with a warning', () => {
    const { brief, messages } = parse('Intro\n\n# The Heading\n\nText\n');
    expect(brief.meta.title).toBe('The Heading');
    expect(messages).toEqual(['content/x.md:1 warning no-title no `title` in front matter; using the first # heading "The Heading"']);
  });

  it('ignores # lines inside code fences', () => {
    expect(parse('```\n# not a heading\n```\n\nText\n', 'content/notes.md').brief.meta.title).toBe('notes');
  });

  it('falls back to the file name, with a warning', () => {
    const { brief, messages } = parse('Just text.\n', 'content/field-report.md');
    expect(brief.meta.title).toBe('field-report');
    expect(messages[0]).toContain('using the file name "field-report"');
  });
});

describe('text forms', () => {
  it('strips a BOM and reads CRLF line endings', () => {
    const { brief } = parse('\uFEFF---\r\ntitle: T\r\n---\r\n\r\nBody line.\r\n');
    expect(brief.meta.title).toBe('T');
    expect(brief.body).toBe('\nBody line.\n');
  });

  it('refuses an empty file and a file with only front matter', () => {
    expect(errorOf('')).toBe('content/x.md:1: the brief is empty');
    expect(errorOf('---\ntitle: T\n---\n')).toBe('content/x.md:4: the brief has front matter but no text after it');
  });

  it('refuses TOML front matter', () => {
    expect(errorOf('+++\ntitle = "T"\n+++\nBody\n')).toBe('content/x.md:1:1: TOML front matter (+++) is not supported; write YAML between --- lines');
  });

  it('reads a fixture from disk', async () => {
    const brief = await loadBrief(fixture('nested-lists.md'), new Diagnostics());
    expect(brief.name).toBe('nested-lists');
    expect(brief.meta.authors).toHaveLength(2);
  });

  it('names a missing file and a folder', async () => {
    await expect(loadBrief('content/nope.md', new Diagnostics())).rejects.toThrow('no such file: content/nope.md');
    await expect(loadBrief('tests', new Diagnostics())).rejects.toThrow('tests is a folder, not a Markdown file');
  });
});

describe('plain text (.txt)', () => {
  it('is a brief named without .txt whose body lines map to the lines of the text', () => {
    const text = 'Notes\n\n  A paragraph\n    over two lines.\n  Another one\n    starts here.\n';
    const brief = parseTextBrief(text, 'content/notes.txt', new Diagnostics());
    expect([brief.name, brief.meta.title]).toEqual(['notes', 'Notes']);
    const bodyLines = brief.body.split('\n');
    const where = (needle: string) => locateIn(brief, { file: brief.file, line: brief.bodyLine + bodyLines.findIndex((l) => l.startsWith(needle)) }).line;
    expect([where('A paragraph'), where('Another one')]).toEqual([3, 5]);
    expect(briefName('content/notes.txt')).toBe('notes');
  });

  it('is refused when it has no words', () => {
    expect(() => parseTextBrief('\n  \n', 'x.txt', new Diagnostics())).toThrow(/the text file is empty/);
  });

  it('clashes with a Markdown brief of the same name: both would be written to one folder', async () => {
    const { dir, remove } = await tempDir();
    await Promise.all(['x.md', 'x.txt'].map((f) => writeFile(path.join(dir, f), 'Text.\n')));
    await expect(resolveInputs([path.join(dir, 'x.md'), path.join(dir, 'x.txt')])).rejects.toThrow(/would both be written to the folder "x"/);
    await remove();
  });
});
