// The bench's in-process phases, one small function each, run by worker.mjs for one brief.
// Each returns a summary of its samples; a phase this build cannot do says so instead of a number.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summariseSamples, timed } from './stats.mjs';
import { treeUsage } from './proc-tree.mjs';

/** The same options as src/export/export-pdf.ts, so the floor prints exactly what export prints. */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true };
const RE_PDF_PAGE = /\/Type\s*\/Page[^s]/g;

function countPdfPages(bytes) {
  return (Buffer.from(bytes).toString('latin1').match(RE_PDF_PAGE) ?? []).length;
}

/** Times `step` in this process and in the browser's processes (CPU), `runs` times. */
async function browserSamples(ctx, runs, step) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const before = treeUsage(ctx.browserPid);
    const t = await timed(step);
    const after = treeUsage(ctx.browserPid);
    samples.push({ wall: t.wall, cpu: t.cpu, browserCpu: before && after ? after.cpu - before.cpu : undefined, ...t.value });
  }
  return samples;
}

/** HTML build through the library API: the first build in a fresh process (cold), then warm ones. */
export async function htmlPhase(ctx) {
  const build = () => ctx.lib.buildDeck(ctx.file, { outDir: ctx.outDir });
  const cold = await timed(build);
  const warm = [];
  for (let i = 0; i < ctx.runs.html; i++) warm.push(await timed(build));
  const slides = cold.value.deck.slides.length;
  ctx.slides = slides;
  ctx.htmlPath = cold.value.outputs.find((o) => o.endsWith('index.html'));
  return { slides, cold: { wall: cold.wall, cpu: cold.cpu }, warm: summariseSamples(warm) };
}

async function loadPrintView(page, ctx) {
  await page.setViewport(ctx.size);
  await page.goto(`${pathToFileURL(ctx.htmlPath).href}?print-pdf`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-pdf-ready]');
}

/**
 * The fit round's cost as this build has it: one page load that lays out every slide, and a scan
 * of each slide's body for overflow. Replace with the fit API's own measurement once it is merged.
 */
export async function fitPhase(ctx) {
  const samples = await browserSamples(ctx, ctx.runs.browser, () =>
    ctx.session.withPage(async (page) => {
      await loadPrintView(page, ctx);
      const overflowing = await page.$$eval('.pdf-page section .bd-body', (bodies) => bodies.filter((b) => b.scrollHeight > b.clientHeight + 1).length);
      return { overflowing };
    }),
  );
  return { ...summariseSamples(samples, ['wall', 'cpu', 'browserCpu']), overflowing: samples[0].overflowing, method: 'print-view layout + overflow scan' };
}

/** Slide PDF export as `buildDeck` does it (HTML build excluded): load, reveal's print layout, print. */
export async function pdfPhase(ctx) {
  const samples = await browserSamples(ctx, ctx.runs.browser, async () => {
    const result = await ctx.lib.buildDeck(ctx.file, { outDir: ctx.outDir, pdf: true, browser: ctx.session });
    const pdf = await readFile(result.outputs.find((o) => o.endsWith('.pdf')));
    return { exportMs: result.ms.pdf, bytes: pdf.length, pages: countPdfPages(pdf) };
  });
  return { ...summariseSamples(samples, ['exportMs', 'wall', 'cpu', 'browserCpu']), pages: samples[0].pages, bytes: samples[0].bytes };
}

/** Saves the laid-out print view, scripts removed, as a static file with the same pages. */
async function snapshotPrintView(ctx) {
  const file = path.join(path.dirname(ctx.htmlPath), 'print-view-static.html');
  const html = await ctx.session.withPage(async (page) => {
    await loadPrintView(page, ctx);
    return page.evaluate(() => {
      for (const script of document.querySelectorAll('script')) script.remove();
      return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
    });
  });
  await writeFile(file, html);
  return file;
}

/** Chromium's floor: loading and printing a static, already laid-out file with the same pages. */
export async function floorPhase(ctx) {
  const file = await snapshotPrintView(ctx);
  const samples = await browserSamples(ctx, ctx.runs.browser, () =>
    ctx.session.withPage(async (page) => {
      await page.setViewport(ctx.size);
      const load = await timed(() => page.goto(pathToFileURL(file).href, { waitUntil: 'load' }));
      const print = await timed(() => page.pdf(PDF_OPTIONS));
      return { loadMs: load.wall, printMs: print.wall, pages: countPdfPages(print.value) };
    }),
  );
  return { ...summariseSamples(samples, ['wall', 'loadMs', 'printMs', 'cpu', 'browserCpu']), pages: samples[0].pages };
}

/**
 * Handout export (issue 4) is built on another branch. When it is merged, time it here like
 * pdfPhase; until then the report says it is not available rather than showing a number.
 */
export async function handoutPhase(ctx) {
  if (typeof ctx.lib.exportHandout !== 'function') return { unavailable: 'not available in this build' };
  return { unavailable: 'handout API present, but this bench does not time it yet: add it in scripts/bench/phases.mjs' };
}
