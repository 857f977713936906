import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript under scripts/, without type declarations.
import { countWords, generateBrief } from '../../scripts/bench/generate.mjs';
// @ts-expect-error: as above.
import { formatReport, growth, targets } from '../../scripts/bench/report.mjs';
// @ts-expect-error: as above.
import { median } from '../../scripts/bench/stats.mjs';
// @ts-expect-error: as above.
import { compareResults } from '../../scripts/bench/compare.mjs';
import { Diagnostics } from '../../src/diagnostics.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { EXAMPLE } from '../helpers/fixtures.js';

const body = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('bench inputs', () => {
  it('uses the example itself at 1×', async () => {
    const source = await readFile(EXAMPLE, 'utf8');
    expect(generateBrief(source, 1)).toBe(source);
  });

  it('makes a valid brief of exactly n times the words, the same on every run', async () => {
    const source = await readFile(EXAMPLE, 'utf8');
    const ten = generateBrief(source, 10);
    expect(generateBrief(source, 10)).toBe(ten);
    // Each added copy's headings say which copy they are: "Part n: Overview" and four "(part n)".
    expect(countWords(body(ten))).toBe(10 * countWords(body(source)) + 9 * (3 + 4 * 2));
    const brief = parseBrief(ten, 'brief-10x.md', new Diagnostics());
    expect(brief.meta.title).toMatch(/\(10×\)$/);
    // Each copy's sections are reordered inside, not copied verbatim.
    const headings = ten.match(/^## .*$/gm) ?? [];
    expect(new Set(headings).size).toBe(headings.length);
    expect(ten.split('\n## Part 2: Overview\n')[1].slice(0, 500)).not.toBe(body(source).trimStart().slice(0, 500));
  });
});

describe('bench report', () => {
  const result = (scale: number, html: number, pdf: number, floor: number) => ({
    scale,
    html: { warm: { wall: { median: html }, cpu: { median: html } } },
    cli: { wall: { median: html + 300 }, maxRss: { median: 100 * 2 ** 20 } },
    pdf: { exportMs: { median: pdf } },
    floor: { wall: { median: floor } },
    fit: { wall: { median: pdf / 2 } },
    maxRss: 200 * 2 ** 20,
  });

  it('takes medians of odd and even samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('divides each scale by 1× and checks the targets against the numbers', () => {
    const results = [result(1, 40, 1000, 900), result(10, 400, 13_000, 9000)];
    expect(growth(results)['HTML warm']['10x']).toBe(10);
    const checks = targets(results, { copies: 4, launches: 1, peakPages: 2 }, 2);
    const byName = Object.fromEntries(checks.map((t: { name: string; ok: boolean }) => [t.name, t.ok]));
    expect(byName['in-process build, warm < 50 ms']).toBe(true);
    expect(byName['`briefdeck build` of the example < 400 ms']).toBe(true);
    expect(byName['PDF export ≤ 1.3× the floor (1×)']).toBe(true);
    expect(byName['PDF export ≤ 1.3× the floor (10×)']).toBe(false);
    expect(byName['growth at 10× input ≤ 12× (PDF export)']).toBe(false);
    expect(byName['one browser launch for 4 briefs']).toBe(true);
  });

  it('states the load average at the start and the end, and flags a machine busier than its cores', () => {
    const results = [result(1, 40, 1000, 900)];
    const report = (loadBefore: number[], loadAfter: number[]) =>
      formatReport({ machine: { cores: 2, loadBefore, loadAfter }, results, growth: growth(results), targets: targets(results, undefined, 2) });
    const quiet = report([0.5, 0.4, 0.3], [1.2, 0.6, 0.4]);
    expect(quiet).toContain('at the start 0.5 0.4 0.3, at the end 1.2 0.6 0.4, on 2 cores.');
    expect(quiet).not.toContain('inflated');
    expect(report([0.5, 0.4, 0.3], [3.5, 2, 1])).toContain('wall times are inflated');
  });

  it('reports edit-to-reload under serve and checks it against 300 ms', () => {
    const results = [result(1, 40, 1000, 900)];
    const reload = (median: number) => ({ edits: 15, median, p90: median + 50, min: median - 30, max: median + 90, rebuildMedian: median - 60, targetMs: 300, load: 0.7 });
    const byName = (r: ReturnType<typeof reload>) => Object.fromEntries(targets(results, undefined, 2, r).map((t: { name: string; ok: boolean }) => [t.name, t.ok]));
    expect(byName(reload(180))['edit-to-reload under `serve` < 300 ms (median of 15 edits)']).toBe(true);
    expect(byName(reload(320))['edit-to-reload under `serve` < 300 ms (median of 15 edits)']).toBe(false);
    const text = formatReport({ machine: { cores: 2, loadBefore: [0.5, 0.4, 0.3], loadAfter: [0.5, 0.4, 0.3] }, results, growth: growth(results), targets: targets(results, undefined, 2, reload(180)), reload: reload(180) });
    expect(text).toContain('Edit-to-reload under `serve` (example brief, fit included, 15 edits): median 180 ms, p90 230 ms');
    expect(text).toContain('✓ edit-to-reload under `serve` < 300 ms (median of 15 edits): 180 ms');
  });

  it('compares two runs measure by measure, scale by scale', () => {
    const before = { commit: 'a', results: [result(1, 40, 1000, 900), result(10, 400, 13_000, 9000)] };
    const after = { commit: 'b', results: [result(1, 20, 1000, 900)] };
    const rows = compareResults(before, after);
    expect(rows.find((r: unknown[]) => r[0] === 'HTML in-process, warm')).toEqual(['HTML in-process, warm', '1×', 40, 20, 0.5]);
    expect(rows.every((r: unknown[]) => r[1] === '1×')).toBe(true);
  });
});
