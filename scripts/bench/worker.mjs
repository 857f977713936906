// One brief's in-process phases in a fresh Node process, so "cold" is really cold and peak memory
// belongs to this brief alone. Usage: node worker.mjs '<json: { root, file, outDir, runs, browser, skip }>'
// Prints one line of JSON.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fitPhase, floorPhase, handoutPhase, htmlPhase, pdfPhase, pptxPhase } from './phases.mjs';
import { sampleTreeRss } from './proc-tree.mjs';
import { timed } from './stats.mjs';

const BROWSER_PHASES = { fit: fitPhase, pdf: pdfPhase, floor: floorPhase, handout: handoutPhase, pptx: pptxPhase };

function maxRss() {
  return process.resourceUsage().maxRSS * 1024;
}

async function browserPhases(ctx, result) {
  ctx.session = new ctx.lib.BrowserSession({ browserPath: ctx.browserPath, timeout: 30 * 60_000 });
  try {
    const launch = await timed(() => ctx.session.browser());
    result.launch = { wall: launch.wall, cpu: launch.cpu };
    ctx.browserPid = launch.value.process()?.pid;
    const stopSampling = sampleTreeRss(ctx.browserPid);
    try {
      for (const [name, phase] of Object.entries(BROWSER_PHASES)) {
        result[name] = ctx.skip?.includes(name) ? { unavailable: 'skipped (--skip)' } : await phase(ctx);
      }
    } finally {
      result.browserPeakRss = stopSampling();
    }
    result.browserLaunches = ctx.session.stats?.launches;
  } finally {
    await ctx.session.close();
  }
}

async function main() {
  const args = JSON.parse(process.argv[2]);
  const lib = await import(pathToFileURL(path.join(args.root, 'lib', 'index.js')).href);
  const ctx = { ...args, lib, size: undefined };
  const result = { html: await htmlPhase(ctx), htmlMaxRss: maxRss() };
  const { width, height } = (await lib.composeDeck(args.file)).deck.size;
  ctx.size = { width, height };
  if (args.browser) await browserPhases(ctx, result);
  result.maxRss = maxRss();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench worker: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
