#!/usr/bin/env node
// `npm run bench`: times briefdeck on the example brief and on generated briefs 10× and 100× its
// size; prints a Markdown table (with the load average at the start and the end, since wall times
// on a shared machine mean little without it) and writes the results as JSON to bench/results/ for
// comparing commits. Options: --scales 1,10,100  --pdf-scales 1,10  --runs N  --quick  --no-pdf  --batch N
// --keep  --compare FILE  --skip floor@100,handout@100  --marp-pairs N (0: no side-by-side phase)
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { batchPhase, cliBuildPhase, nodeBaselinePhase } from './bench/cli-phases.mjs';
import { formatComparison, readResults } from './bench/compare.mjs';
import { writeBriefs } from './bench/generate.mjs';
import { findMarp, marpPairsPhase } from './bench/marp-pairs.mjs';
import { formatMarp, formatReport, growth, targets } from './bench/report.mjs';
import { formatQuality, qualityPhase } from './bench/quality.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'content', 'russia-china-afghanistan.md');
const WORKER = path.join(ROOT, 'scripts', 'bench', 'worker.mjs');
/** Runs per scale: many where a run is quick, fewer where one run is a minute. */
const RUNS = {
  1: { html: 10, cli: 5, browser: 3 },
  10: { html: 5, cli: 3, browser: 2 },
  100: { html: 3, cli: 2, browser: 1 },
};

function options() {
  const { values } = parseArgs({
    options: {
      scales: { type: 'string', default: '1,10,100' },
      'pdf-scales': { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-pdf': { type: 'boolean', default: false },
      batch: { type: 'string', default: '4' },
      keep: { type: 'boolean', default: false },
      compare: { type: 'string' },
      skip: { type: 'string', default: '' },
      'marp-pairs': { type: 'string', default: '5' },
    },
  });
  // `--skip floor@100,handout@100`: browser phases left out, at one scale or (without @) at all.
  const skips = values.skip.split(',').filter(Boolean).map((entry) => {
    const [phase, scale] = entry.split('@');
    if (!['fit', 'pdf', 'floor', 'handout', 'pptx'].includes(phase) || (scale !== undefined && !/^\d+$/.test(scale))) throw new Error(`--skip takes fit, pdf, floor, handout or pptx, each optionally @SCALE: not ${entry}`);
    return { phase, scale: scale === undefined ? undefined : Number(scale) };
  });
  const skipAt = (scale) => skips.filter((s) => s.scale === undefined || s.scale === scale).map((s) => s.phase);
  const scales = (values.quick ? '1,10' : values.scales).split(',').map(Number);
  if (!scales.includes(1) || scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--scales must be whole numbers and include 1 (growth is measured against it)');
  const runsFor = (scale) => {
    if (values.runs) return { html: Number(values.runs), cli: Number(values.runs), browser: Number(values.runs) };
    if (values.quick) return { html: 3, cli: 2, browser: 1 };
    return RUNS[scale] ?? RUNS[100];
  };
  const pdfScales = values['no-pdf'] ? [] : values['pdf-scales'] ? values['pdf-scales'].split(',').map(Number) : scales;
  return { scales, runsFor, pdfScales, pdf: pdfScales.length > 0, batch: Number(values.batch), marpPairs: Number(values['marp-pairs']), keep: values.keep, compare: values.compare, skipAt };
}

function commit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

async function machine(browserPath) {
  let browser;
  try {
    browser = browserPath && execFileSync(browserPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    browser = browserPath;
  }
  return { node: process.version, platform: `${process.platform} ${os.arch()}`, cpu: os.cpus()[0]?.model, cores: os.availableParallelism(), memory: os.totalmem(), browser, loadBefore: os.loadavg() };
}

function runWorker(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`bench worker for ${args.file} exited with ${code}`))));
  });
}

/** Edit-to-reload latency of `serve` for the example brief, from its own script (one JSON line). */
function reloadPhase() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench-reload.mjs'), '15', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    // Exit code 1 only says the target was missed: the figures are still the result.
    child.on('close', (code) => (code === 0 || code === 1 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`bench-reload exited with ${code}`))));
  });
}

function say(text) {
  process.stderr.write(`[bench] ${text}\n`);
}

async function main() {
  const opts = options();
  // Read first: a missing file is reported before minutes of measuring, not after.
  const previous = opts.compare ? await readResults(opts.compare) : undefined;
  const { findBrowser } = await import(pathToFileURL(path.join(ROOT, 'lib', 'index.js')).href);
  const browserPath = opts.pdf ? findBrowser().path : undefined;
  const work = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-'));
  // An interrupted bench removes its inputs and outputs too (the workers stop with it).
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      if (!opts.keep) rmSync(work, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  await mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const report = { commit: commit(), date: new Date().toISOString(), machine: await machine(browserPath), results: [] };
  try {
    say('Node start-up alone (the baseline for whole processes)…');
    report.nodeBaseline = await nodeBaselinePhase(ROOT, 5);
    for (const brief of await writeBriefs(SOURCE, opts.scales, path.join(work, 'briefs'))) {
      const runs = opts.runsFor(brief.scale);
      const browser = opts.pdfScales.includes(brief.scale);
      say(`${brief.scale}× (${brief.words} words): in-process phases${browser ? ', fit, PDF, floor, handout and PowerPoint' : ''}…`);
      const outDir = path.join(work, 'out');
      const load = os.loadavg();
      const inProcess = await runWorker({ root: ROOT, file: brief.file, outDir, runs, browser, browserPath, skip: opts.skipAt(brief.scale) });
      say(`${brief.scale}×: whole \`briefdeck build\` processes…`);
      const cli = await cliBuildPhase(ROOT, brief.file, path.join(work, 'cli-out'), runs.cli);
      report.results.push({ scale: brief.scale, words: brief.words, slides: inProcess.html.slides, load, ...inProcess, cli });
    }
    if (opts.pdf) {
      say('deck quality: the example condensed and full, fitted…');
      report.quality = await qualityPhase(ROOT, { brief: SOURCE, browserPath });
      say('edit-to-reload under `briefdeck serve` (scripts/bench-reload.mjs)…');
      report.reload = await reloadPhase();
    }
    if (opts.pdf && opts.batch > 1) {
      say(`batch: ${opts.batch} briefs with --pdf in one process…`);
      report.batch = await batchPhase(ROOT, { source: SOURCE, dir: path.join(work, 'batch'), copies: opts.batch, runs: 1, browserPath });
    }
    const marp = findMarp(ROOT);
    if (marp && opts.marpPairs > 0) {
      say(`side by side with ${marp}: ${opts.marpPairs} alternating cold pairs, HTML and PDF…`);
      report.marp = await marpPairsPhase(ROOT, { marp, brief: SOURCE, dir: path.join(work, 'marp'), pairs: opts.marpPairs, browserPath: browserPath ?? findBrowser().path });
    } else if (!marp) say('Marp CLI not found (a dev dependency, or `marp` on the PATH): no side-by-side phase');
  } finally {
    if (!opts.keep) await rm(work, { recursive: true, force: true });
    else say(`inputs and outputs kept in ${work}`);
  }
  report.machine.loadAfter = os.loadavg();
  report.growth = growth(report.results);
  report.targets = targets(report.results, report.batch, report.machine.cores, report.reload);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const name = `${report.date.replace(/[:.]/g, '-')}-${report.commit}.json`;
  await writeFile(path.join(ROOT, 'bench', 'results', name), json);
  await writeFile(path.join(ROOT, 'bench', 'results', 'latest.json'), json);
  process.stdout.write(`briefdeck bench, ${report.commit}, ${report.date}\n${report.machine.cpu} × ${report.machine.cores}, ${report.machine.node}, ${report.machine.browser ?? 'no browser'}\n\n`);
  process.stdout.write(`${formatReport(report)}\n${report.quality ? `\n${formatQuality(report.quality)}\n` : ''}${report.marp ? `\n${formatMarp(report.marp)}\n` : ''}\nJSON: bench/results/${name}\n`);
  if (previous) process.stdout.write(`\n${formatComparison(previous, report)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
