import path from 'node:path';
import type { BuildResult } from '../build-deck.js';
import { formatDiagnostic, type Diagnostics } from '../diagnostics.js';
import { EXIT, type BriefdeckError, type ExitCode } from '../errors.js';
import { BrowserSession } from '../export/browser-session.js';
import { checkOutDir } from '../load/resolve-inputs.js';
import { DeckServer } from '../serve/deck-server.js';
import { Rebuilder, type Phase } from '../watch/rebuilder.js';
import { FileWatcher } from '../watch/watch-files.js';
import { writeDeckIndex } from '../write/write-index.js';
import { DEFAULT_PORT, type BuildFlags, type ServeFlags } from './program.js';
import type { Io } from './run.js';

/** The build line of run.ts, passed in so the two commands print builds alike. */
export type Report = (result: BuildResult) => string;

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

function until(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function printDiagnostics(diagnostics: Diagnostics, flags: BuildFlags, io: Io): void {
  for (const d of diagnostics.list) if (!flags.quiet || d.severity === 'error') io.stderr(`${formatDiagnostic(d)}\n`);
}

/**
 * `build --watch` and `serve`: build everything, then rebuild what changes until interrupted.
 * Bad input never ends the session: it is reported, and the last good outputs stay.
 */
export async function runLive(inputs: string[], flags: BuildFlags | ServeFlags, io: Io, report: Report, serving: boolean): Promise<ExitCode> {
  checkOutDir(flags.out, inputs);
  await using session = new BrowserSession({ browserPath: flags.browser, timeout: flags.timeout * 1000 });
  if (flags.pdf) session.locate();
  const serveFlags = flags as ServeFlags;
  await using server = serving
    ? new DeckServer({ outDir: flags.out, host: serveFlags.host, port: serveFlags.port ?? DEFAULT_PORT, explicitPort: serveFlags.port !== undefined })
    : undefined;
  let started = false;
  const rebuilder = new Rebuilder({
    inputs,
    build: { outDir: flags.out, budget: flags.budget, theme: flags.theme, aspect: flags.aspect, browser: session, force: flags.force, pdf: flags.pdf },
    events: {
      built(result: BuildResult, phase: Phase) {
        server?.built(result);
        if (!flags.quiet && (!result.skipped || !started)) io.stdout(`${started ? `${clock()} ` : ''}${phase === 'pdf' && !result.skipped ? 'PDF ' : ''}${report(result)}`);
        if (!result.skipped) printDiagnostics(result.diagnostics, flags, io);
      },
      failed(file: string, error: BriefdeckError, diagnostics: Diagnostics) {
        server?.failed(file, error.describe());
        io.stderr(`${started ? `${clock()} ` : ''}${error.describe()}${server ? ' (still serving the last good deck)' : ''}\n`);
        printDiagnostics(diagnostics, flags, io);
      },
      listed(files: string[]) {
        server?.listed(files);
      },
      removed(file: string) {
        server?.removed(file);
        if (!flags.quiet) io.stdout(`${clock()} ${file} removed; its outputs stay in ${flags.out}\n`);
      },
      idle() {
        void writeDeckIndex(flags.out).catch((error: Error) => io.stderr(`briefdeck: cannot write the deck index: ${error.message}\n`));
      },
    },
  });
  const address = await server?.start();
  if (address) io.stdout(`Serving at ${address}\n`);
  await rebuilder.list();
  // Watching starts before the first build, so an edit made while it runs is not lost.
  await using watcher = new FileWatcher({
    paths: rebuilder.watchPaths(),
    ignore: [flags.out],
    onBatch: (changes) => void rebuilder.onChanges(changes),
    onError: (error) => io.stderr(`briefdeck: watching files failed: ${error.message}\n`),
  });
  await watcher.ready;
  await rebuilder.buildAll();
  started = true;
  if (address) {
    const names = rebuilder.files.map((f) => encodeURIComponent(path.basename(f).replace(/\.(?:md|markdown)$/i, '')));
    io.stdout(names.length === 1 ? `Open ${address}${names[0]}/ (speaker view: press S)\n` : `Open ${address} for all ${names.length} decks\n`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(serveFlags.host)) io.stderr(`warning: listening on ${serveFlags.host}: anyone who can reach this machine can read the decks\n`);
  }
  if (!flags.quiet) io.stdout(`Watching ${rebuilder.files.length} ${rebuilder.files.length === 1 ? 'brief' : 'briefs'}, their folders and the templates; Ctrl+C to stop.\n`);
  await until(io.signal);
  await rebuilder.idle().catch(() => undefined);
  return io.signal?.reason === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
}
