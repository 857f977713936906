#!/usr/bin/env node
// Edit-to-reload latency of `briefdeck serve` for the example brief: the time from writing an edit
// to the brief on disk until the open page shows it, on the same slide (a text edit swaps the slides
// in place; a reload is timed to reveal.js being ready).
// Target: under 300 ms for HTML. Usage: npm run build && node scripts/bench-reload.mjs [runs] [--json]
// (`npm run bench` runs it too, with --json, and puts the figures in its table.)
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { run } = await import(path.join(root, 'lib/cli/run.js'));
const { BrowserSession } = await import(path.join(root, 'lib/browser/browser-session.js'));

const JSON_OUT = process.argv.includes('--json');
const RUNS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
const TARGET_MS = 300;
const SLIDE = 'at-the-regional-level-the-dangers-prevail-p2';

const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-'));
const brief = path.join(dir, 'content', 'russia-china-afghanistan.md');
await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(brief)));
await copyFile(path.join(root, 'content', 'russia-china-afghanistan.md'), brief);

const stop = new AbortController();
let printed = '';
const serving = run(['serve', path.dirname(brief), '-o', path.join(dir, 'dist'), '--port', '0'], {
  stdout: (t) => void (printed += t),
  stderr: (t) => process.stderr.write(t),
  signal: stop.signal,
});
const session = new BrowserSession({ timeout: 60_000 });
const times = [];
try {
  while (!printed.includes('Watching')) await new Promise((r) => setTimeout(r, 20));
  const address = /Serving at (\S+)/.exec(printed)[1];
  const page = await (await session.browser()).newPage();
  await page.setViewport({ width: 1280, height: 720 });
  // Stamped by the page itself the moment reveal.js is ready, so polling adds nothing to the figure.
  await page.evaluateOnNewDocument(() => {
    new MutationObserver(() => {
      if (document.documentElement?.hasAttribute('data-deck-ready') && !window.__readyAt) window.__readyAt = Date.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-deck-ready'] });
  });
  await page.goto(`${address}russia-china-afghanistan/#/${SLIDE}`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-deck-ready]');
  const original = await readFile(brief, 'utf8');
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => (window.__stale = true));
    const edited = original.replace('multi-layered risks', `multi-layered risks (edit ${i})`);
    const started = Date.now();
    await writeFile(brief, edited);
    // Caught up when the page has reloaded (a fresh document stamps __readyAt) or swapped its slides.
    const done = await page.waitForFunction(
      (since) => (!window.__stale && window.__readyAt) || (Number(document.documentElement.getAttribute('data-briefdeck-updated')) >= since && Number(document.documentElement.getAttribute('data-briefdeck-updated'))),
      { timeout: 30_000, polling: 10 },
      started,
    );
    const readyAt = await done.jsonValue();
    const slide = await page.evaluate(() => window.Reveal.getCurrentSlide().id);
    if (slide !== SLIDE) throw new Error(`after reload the page shows ${slide}, not ${SLIDE}`);
    times.push(readyAt - started);
    await new Promise((r) => setTimeout(r, 150));
  }
} finally {
  stop.abort('SIGINT');
  await serving;
  await session.close();
  await rm(dir, { recursive: true, force: true });
}
// The rebuild's own share, from the change lines `serve` prints after the first build.
const rebuilds = [...printed.slice(printed.indexOf('Watching')).matchAll(/; ([\d.]+) (ms|s)[,)]/g)].map((m) => Number(m[1]) * (m[2] === 's' ? 1000 : 1)).sort((a, b) => a - b);
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const median = at(0.5);
const rebuild = rebuilds[Math.floor(rebuilds.length / 2)];
if (JSON_OUT) process.stdout.write(`${JSON.stringify({ edits: times.length, median, p90: at(0.9), min: times[0], max: times.at(-1), rebuildMedian: rebuild ?? null, targetMs: TARGET_MS, load: os.loadavg()[0] })}\n`);
else process.stdout.write(
  `edit-to-reload (example brief, ${times.length} edits): median ${median} ms, p90 ${at(0.9)} ms, min ${times[0]} ms, max ${times.at(-1)} ms ` +
    `(target < ${TARGET_MS} ms: ${median < TARGET_MS ? 'met' : 'NOT met'}); of which rebuild median ${rebuild ?? '?'} ms; ` +
    `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores\n`,
);
process.exitCode = median < TARGET_MS ? 0 : 1;
