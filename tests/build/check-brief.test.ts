import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../src/build/check-brief.js';
import { run } from '../../src/cli/run.js';
import { workerBrowser } from '../helpers/browser.js';
import { EXAMPLE, fixture } from '../helpers/fixtures.js';

const session = workerBrowser();

const where = (d: { severity: string; code: string; at?: { line: number } }): string => `${d.at?.line} ${d.severity} ${d.code}`;

describe('checkBrief', () => {
  it('finds each planted problem at its line', async () => {
    const result = await checkBrief(fixture('check/problems.md'), { browser: session });
    expect(result.diagnostics.map(where)).toEqual([
      '3 warning meta-unknown-key',
      '6 error link-broken',
      '10 warning image-no-alt',
      '12 error image-missing',
      '14 warning heading-empty',
      '16 warning section-empty',
      '20 error overflow',
    ]);
    expect(result.diagnostics.find((d) => d.code === 'overflow')?.message).toMatch(/\d+ px too wide/);
    expect(result.diagnostics.find((d) => d.code === 'link-broken')?.at?.column).toBe(51);
  });

  it('with strict, every warning is an error', async () => {
    const result = await checkBrief(fixture('check/problems.md'), { browser: session, strict: true });
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('finds nothing in a clean brief', async () => {
    const result = await checkBrief(fixture('check/clean.md'), { browser: session });
    expect(result.diagnostics).toEqual([]);
    expect(result.fit?.verified).toBe(true);
  });

  it('reports a brief that cannot be read as an error, not a crash', async () => {
    const result = await checkBrief(fixture('check/does-not-exist.md'), { browser: session });
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'file-missing']]);
  });
});

describe('briefdeck check (CLI)', () => {
  it('prints compiler-style lines or JSON, writes nothing, and exits 1 on errors', async () => {
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) };
    expect(await run(['check', fixture('check/problems.md'), '--no-fit'], io)).toBe(1);
    expect(out).toMatch(/problems\.md:10:1 warning image-no-alt /);
    expect(out).toMatch(/1 brief checked: 2 errors, 4 warnings/);
    out = '';
    expect(await run(['check', fixture('check/clean.md'), '--format', 'json', '--no-fit'], io)).toBe(0);
    // Title, summary, the section's title slide, and one slide with the chart and its sentence (measured in Chromium, it is one too).
    expect(JSON.parse(out)).toMatchObject({ errors: 0, warnings: 0, files: [{ slides: 3, fitVerified: false, diagnostics: [] }] });
    out = '';
    expect(await run(['check', fixture('check/clean.md'), '--strict', '--format', 'json', '--browser', '/nonexistent/chromium'], io)).toBe(1);
    expect(JSON.parse(out).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['fit-unverified']);
  });

  it('takes every option build takes, --config and --templates among them', async () => {
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) };
    expect(await run(['check', fixture('check/clean.md'), '--no-fit', '--templates', '/nonexistent'], io)).toBe(1);
    expect(out).toMatch(/error templates-missing no templates folder \/nonexistent/);
    out = '';
    expect(await run(['check', fixture('check/clean.md'), '--no-fit', '--config', '/nonexistent.yaml'], io)).toBe(1);
    expect(out).toMatch(/no such config file: \/nonexistent\.yaml/);
  });
});

describe('build and check agree', () => {
  it('report the same findings with the same severities', async () => {
    const { buildDeck } = await import('../../src/build/build-deck.js');
    const { tempDir } = await import('../helpers/fixtures.js');
    const out = await tempDir();
    try {
      for (const file of [fixture('check/problems.md'), fixture('check/footnote-missing.md')]) {
        const built = await buildDeck(file, { outDir: out.dir, fit: false });
        const checked = await checkBrief(file, { fit: false });
        expect(built.diagnostics.list.map(where).sort()).toEqual(checked.diagnostics.map(where).sort());
      }
      // A footnote cited but never defined is an error in a build too, where it used to be silent.
      const footnote = await buildDeck(fixture('check/footnote-missing.md'), { outDir: out.dir, fit: false, force: true });
      expect(footnote.diagnostics.errors.map((d) => d.code)).toEqual(['footnote-missing']);
    } finally {
      await out.remove();
    }
  });
});

describe('check lists the bullets condensed mode shortened, for review', () => {
  it('names each with its place in the brief, the rules applied, and the sentence it came from', async () => {
    const result = await checkBrief(EXAMPLE, { fit: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const spill = result.shortened.find((s) => s.at.line === 25);
    expect(spill).toMatchObject({ bullet: 'From the Chinese perspective, the greatest danger is a “spill-over” effect.', rules: ['which-clause'], sentence: 1 });
    expect(spill?.from).toMatch(/, which could arise from both radical Islamic terrorism/);
    expect(result.shortened.find((s) => s.sentence === 2)).toMatchObject({ at: { line: 35 }, rules: ['connective'] });
    const out: string[] = [];
    expect(await run(['check', '--no-fit', EXAMPLE], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) })).toBe(0);
    expect(out.join('')).toMatch(/bullets shortened for the slides[^]*russia-china-afghanistan\.md:25: which-clause: From the Chinese perspective/);
    // Full mode shortens nothing.
    expect((await checkBrief(EXAMPLE, { fit: false, mode: 'full' })).shortened).toEqual([]);
  });
});
