import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('handout and notes flags', () => {
  it('rejects an unknown handout layout or paper as a usage error', async () => {
    const layout = await cli(['build', fixture('handout-notes.md'), '--handout-layout', '4']);
    expect(layout.code).toBe(2);
    expect(layout.stderr).toContain("Allowed choices are notes, 2, 3, 6");
    const paper = await cli(['build', fixture('handout-notes.md'), '--paper', 'a5']);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('Allowed choices are a4, letter');
  });

  it('lists the new options in the help', async () => {
    const help = await cli(['build', '--help']);
    for (const flag of ['--notes', '--strip-notes', '--handout', '--handout-layout <layout>', '--paper <size>']) expect(help.stdout).toContain(flag);
  });

  it('--strip-notes writes a deck without speaker notes', async () => {
    const out = await tempDir();
    try {
      const { code } = await cli(['build', fixture('handout-notes.md'), '--strip-notes', '--no-fit', '-q', '-o', out.dir]);
      expect(code).toBe(0);
      const html = await readFile(path.join(out.dir, 'handout-notes', 'index.html'), 'utf8');
      expect(html).not.toContain('class="notes"');
      expect(html).toContain('First finding');
    } finally {
      await out.remove();
    }
  });

  it('--notes implies --pdf and --handout-layout implies --handout; both PDFs are written and read back', async () => {
    const out = await tempDir();
    try {
      const { code, stdout, stderr } = await cli(['build', fixture('handout-notes.md'), '--mode', 'full', '--dividers', 'all', '--notes', '--handout-layout', '6', '--paper', 'letter', '-o', out.dir]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('handout-notes.pdf');
      expect(stdout).toContain('handout-notes-handout.pdf');
      const dir = path.join(out.dir, 'handout-notes');
      const [slides, handout] = await Promise.all([readPdf(path.join(dir, 'handout-notes.pdf')), readPdf(path.join(dir, 'handout-notes-handout.pdf'))]);
      expect(slides.pages).toBeGreaterThan(8);
      expect(slides.info.Title).toBe('Handout fixture: notes that flow');
      expect(handout.pages).toBe(3);
      expect(handout.sizes[0]).toEqual({ width: 612, height: 792 });
    } finally {
      await out.remove();
    }
  });
});
