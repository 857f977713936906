// Compares two bench results (JSON from bench/results/): each key measure before and after, and
// the ratio, so a commit's effect on speed is one command away.
import { readFile } from 'node:fs/promises';
import { get } from './stats.mjs';

const MEASURES = [
  ['HTML in-process, warm', 'html.warm.wall.median'],
  ['HTML in-process, CPU', 'html.warm.cpu.median'],
  ['`briefdeck build` process', 'cli.wall.median'],
  ['`briefdeck build` CPU', 'cli.cpu.median'],
  ['no-change rebuild', 'html.unchanged.wall.median'],
  ['fit', 'fit.wall.median'],
  ['slide PDF export', 'pdf.exportMs.median'],
  ['floor', 'floor.wall.median'],
  ['handout export', 'handout.exportMs.median'],
];

/** Rows `[measure, scale, before ms, after ms, after ÷ before]` for every measure both runs have. */
export function compareResults(before, after) {
  const rows = [];
  for (const now of after.results) {
    const then = before.results.find((r) => r.scale === now.scale);
    if (!then) continue;
    for (const [name, key] of MEASURES) {
      const a = get(then, key);
      const b = get(now, key);
      if (typeof a === 'number' && typeof b === 'number') rows.push([name, `${now.scale}×`, Math.round(a), Math.round(b), b / a]);
    }
  }
  return rows;
}

export function formatComparison(before, after) {
  const lines = [`Compared with ${before.commit} (${before.date}):`, '', '| measure | scale | before ms | after ms | after ÷ before |', '| --- | --- | --- | --- | --- |'];
  for (const [name, scale, a, b, ratio] of compareResults(before, after)) lines.push(`| ${name} | ${scale} | ${a} | ${b} | ${ratio.toFixed(2)}× |`);
  return lines.join('\n');
}

export async function readResults(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}
