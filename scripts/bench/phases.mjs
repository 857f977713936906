// The bench's in-process phases, one small function each, run by worker.mjs for one brief.
// Each returns a summary of its samples; a phase this build cannot do says so instead of a number.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summariseSamples, timed } from './stats.mjs';
import { treeUsage } from './proc-tree.mjs';

/** The same options as src/pdf/export-pdf.ts, so the floor prints exactly what export prints. */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true };

/** Read with pdf-lib: finished PDFs keep their page objects in compressed object streams. */
async function countPdfPages(bytes) {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
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

/**
 * HTML build through the library API: the first build in a fresh process (cold), then warm ones.
 * Every timed build is forced, since an up-to-date deck is otherwise skipped; the skip itself (a
 * rebuild with nothing changed) is timed as its own figure.
 */
export async function htmlPhase(ctx) {
  const build = (force) => ctx.lib.buildDeck(ctx.file, { outDir: ctx.outDir, force });
  const cold = await timed(() => build(true));
  const warm = [];
  for (let i = 0; i < ctx.runs.html; i++) warm.push(await timed(() => build(true)));
  const unchanged = [];
  for (let i = 0; i < ctx.runs.html; i++) unchanged.push(await timed(() => build(false)));
  if (!unchanged.every((t) => t.value.skipped)) throw new Error('bench: a rebuild with nothing changed was not skipped');
  const slides = cold.value.deck.slides.length;
  ctx.slides = slides;
  ctx.htmlPath = cold.value.outputs.find((o) => o.endsWith('index.html'));
  ctx.name = cold.value.deck.brief.name;
  return { slides, cold: { wall: cold.wall, cpu: cold.cpu }, warm: summariseSamples(warm), unchanged: summariseSamples(unchanged) };
}

async function loadPrintView(page, ctx) {
  await page.setViewport(ctx.size);
  await page.goto(`${pathToFileURL(ctx.htmlPath).href}?print-pdf`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-pdf-ready]');
}

/** The real fit (composeDeck with the browser): every round of measuring and re-splitting. */
export async function fitPhase(ctx) {
  const samples = await browserSamples(ctx, ctx.runs.browser, async () => {
    // A first fit, every slide laid out: each compose measures with a memo of its own, and the
    // page kept from an earlier run is closed.
    ctx.session.dropKeptPage();
    const { fit, slides } = await ctx.lib.composeDeck(ctx.file, { browser: ctx.session });
    if (!fit.verified) throw new Error('bench: fit was not measured in the browser');
    return { fitMs: fit.ms, rounds: fit.rounds, overflow: fit.overflow, fittedSlides: slides.length };
  });
  const first = samples[0];
  return { ...summariseSamples(samples, ['wall', 'fitMs', 'cpu', 'browserCpu']), rounds: first.rounds, overflow: first.overflow, slides: first.fittedSlides };
}

/**
 * A forced `buildDeck` with the browser, `runs` times, fit off so the pages are those of the HTML
 * phase's deck (the floor's): `ms.pdf` is then the export alone, without the HTML build before it.
 */
async function printPhase(ctx, output, options) {
  const samples = await browserSamples(ctx, ctx.runs.browser, async () => {
    const result = await ctx.lib.buildDeck(ctx.file, { outDir: ctx.outDir, browser: ctx.session, fit: false, force: true, ...options });
    const file = result.outputs.find((o) => o.endsWith(output));
    if (!file) throw new Error(`bench: buildDeck wrote no ${output}`);
    return { exportMs: result.ms.pdf, pdf: await readFile(file) };
  });
  const { pdf } = samples[0];
  return { ...summariseSamples(samples, ['exportMs', 'wall', 'cpu', 'browserCpu']), pages: await countPdfPages(pdf), bytes: pdf.length };
}

/** Slide PDF export as `buildDeck` does it (HTML build excluded): load, reveal's print layout, print. */
export function pdfPhase(ctx) {
  return printPhase(ctx, `${ctx.name}.pdf`, { pdf: true });
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
      return { loadMs: load.wall, printMs: print.wall, pdf: print.value };
    }),
  );
  return { ...summariseSamples(samples, ['wall', 'loadMs', 'printMs', 'cpu', 'browserCpu']), pages: await countPdfPages(samples[0].pdf) };
}

/** PowerPoint export (`--pptx`) as `buildDeck` does it, HTML build excluded: the layout read in the print view, the OOXML written. */
export async function pptxPhase(ctx) {
  const samples = await browserSamples(ctx, ctx.runs.browser, async () => {
    const result = await ctx.lib.buildDeck(ctx.file, { outDir: ctx.outDir, browser: ctx.session, fit: false, force: true, pptx: true });
    const file = result.outputs.find((o) => o.endsWith('.pptx'));
    if (!file) throw new Error('bench: buildDeck wrote no .pptx');
    return { exportMs: result.ms.pdf, bytes: (await readFile(file)).length };
  });
  return { ...summariseSamples(samples, ['exportMs', 'wall', 'cpu', 'browserCpu']), slides: ctx.slides, bytes: samples[0].bytes };
}

/** Handout export (`--handout`, its default notes layout) as `buildDeck` does it, HTML build excluded. */
export function handoutPhase(ctx) {
  return printPhase(ctx, '-handout.pdf', { handout: true });
}
