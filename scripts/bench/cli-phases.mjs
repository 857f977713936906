// Phases that run briefdeck as a user does: whole `briefdeck build` processes, timed from outside,
// with the process's own CPU and peak memory reported by usage-hook.mjs.
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { summariseSamples } from './stats.mjs';

const HOOK = fileURLToPath(new URL('./usage-hook.mjs', import.meta.url));
const RE_PAGES_OPEN = /page opened \((\d+) open\)/g;

/** One Node process: wall time from here, CPU and peak memory from the process itself. */
async function node(root, args, env = {}) {
  const usageFile = path.join(root, 'bench', 'results', `.usage-${process.pid}.json`);
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', HOOK, ...args], {
    cwd: root,
    env: { ...process.env, ...env, BRIEFDECK_BENCH_USAGE: usageFile },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const status = await new Promise((resolve) => child.on('close', resolve));
  const wall = performance.now() - start;
  if (status !== 0) throw new Error(`node ${args.join(' ')} exited with ${status}:\n${stderr}`);
  const usage = JSON.parse(await readFile(usageFile, 'utf8'));
  await rm(usageFile, { force: true });
  return { wall, cpu: usage.cpu, maxRss: usage.maxRss, stderr };
}

function briefdeck(root, args, env) {
  return node(root, [path.join(root, 'bin', 'briefdeck.js'), ...args], env);
}

/** An empty Node process: what start-up alone costs on this machine, to read the other times by. */
export async function nodeBaselinePhase(root, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await node(root, ['-e', '0']));
  return summariseSamples(samples, ['wall', 'cpu', 'maxRss']);
}

/** `briefdeck build FILE` (HTML only, no fit), whole process, `runs` times; forced, so never an up-to-date skip. */
export async function cliBuildPhase(root, file, outDir, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await briefdeck(root, ['build', file, '-o', outDir, '-q', '--no-fit', '--force']));
  return summariseSamples(samples, ['wall', 'cpu', 'maxRss']);
}

/**
 * `briefdeck build --pdf` over `copies` briefs at once, through a wrapper that counts how often the
 * browser is started, with briefdeck's debug log showing how many pages were open at once.
 */
export async function batchPhase(root, { source, dir, copies, runs, browserPath }) {
  const inputs = path.join(dir, 'batch-inputs');
  await mkdir(inputs, { recursive: true });
  for (let i = 1; i <= copies; i++) await copyFile(source, path.join(inputs, `brief-${i}.md`));
  const log = path.join(dir, 'launches.log');
  const wrapper = path.join(dir, 'browser-wrapper.sh');
  await writeFile(wrapper, `#!/bin/sh\necho launch >> '${log}'\nexec '${browserPath}' "$@"\n`);
  await chmod(wrapper, 0o755);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await rm(log, { force: true });
    const env = { DEBUG: 'briefdeck:export', DEBUG_COLORS: '0' };
    const run = await briefdeck(root, ['build', '--pdf', '--force', inputs, '-o', path.join(dir, 'batch-out'), '-q', '--browser', wrapper], env);
    const launches = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
    const peakPages = Math.max(0, ...Array.from(run.stderr.matchAll(RE_PAGES_OPEN), (m) => Number(m[1])));
    samples.push({ wall: run.wall, cpu: run.cpu, maxRss: run.maxRss, launches, peakPages });
  }
  return { copies, ...summariseSamples(samples, ['wall', 'cpu', 'maxRss']), launches: Math.max(...samples.map((s) => s.launches)), peakPages: Math.max(...samples.map((s) => s.peakPages)) };
}
