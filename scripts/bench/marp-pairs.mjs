// The side-by-side phase of `npm run bench`: briefdeck against Marp CLI on the example brief, cold,
// in alternating pairs (briefdeck, Marp, briefdeck, Marp…) so that a change in the machine's load
// falls on both alike. Each run starts from an empty output folder: no skipped deck, no remembered
// measures. The figure is the median of the pair ratios, which a slow moment cannot skew much.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './stats.mjs';

/** Marp CLI from the project's dev dependencies, else the PATH; undefined when neither has it. */
export function findMarp(root) {
  const local = path.join(root, 'node_modules', '.bin', 'marp');
  if (existsSync(local)) return local;
  try {
    return execFileSync('sh', ['-c', 'command -v marp'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function timedRun(command, args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}: ${err.slice(-400)}`))));
  });
}

/**
 * `pairs` alternating cold pairs for HTML (briefdeck `--no-fit`, Marp's HTML) and for PDF
 * (briefdeck `--pdf` with fit, Marp `--pdf`), the Marp side given the same browser.
 */
export async function marpPairsPhase(root, { marp, brief, dir, pairs, browserPath }) {
  const bin = path.join(root, 'bin', 'briefdeck.js');
  const env = browserPath ? { CHROME_PATH: browserPath, BRIEFDECK_BROWSER: browserPath } : {};
  const fresh = async (name) => {
    const out = path.join(dir, name);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    return out;
  };
  const kinds = {
    html: {
      ours: async () => timedRun(process.execPath, [bin, 'build', brief, '--no-fit', '--quiet', '-o', await fresh('ours')], env),
      theirs: async () => timedRun(marp, [brief, '--html', '--allow-local-files', '-o', path.join(await fresh('marp'), 'deck.html')], env),
    },
    pdf: {
      ours: async () => timedRun(process.execPath, [bin, 'build', brief, '--pdf', '--quiet', '-o', await fresh('ours')], env),
      theirs: async () => timedRun(marp, [brief, '--pdf', '--allow-local-files', '-o', path.join(await fresh('marp'), 'deck.pdf')], env),
    },
  };
  const result = { marp: execFileSync(marp, ['--version'], { encoding: 'utf8' }).trim().split('\n')[0], pairs, loadBefore: os.loadavg() };
  for (const [kind, run] of Object.entries(kinds)) {
    // One warm-up each: the first start of a program pays for the disk cache, which a user's second run does not.
    await run.ours();
    await run.theirs();
    const samples = [];
    for (let i = 0; i < pairs; i++) {
      const ours = await run.ours();
      const theirs = await run.theirs();
      samples.push({ ours, theirs, ratio: ours / theirs });
    }
    result[kind] = { ratio: Math.round(median(samples.map((s) => s.ratio)) * 100) / 100, ours: Math.round(median(samples.map((s) => s.ours))), theirs: Math.round(median(samples.map((s) => s.theirs))), samples };
  }
  result.loadAfter = os.loadavg();
  return result;
}
