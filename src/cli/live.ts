import path from 'node:path';
import type { BuildResult } from '../build/build-deck.js';
import type { Diagnostics } from '../diagnostics.js';
import { EXIT, type BriefdeckError, type ExitCode } from '../errors.js';
import { BrowserSession } from '../browser/browser-session.js';
import { MeasureMemo } from '../fit/measure-memo.js';
import { RE_BRIEF_EXT } from '../load/load-brief.js';
import { checkOutDir } from '../load/resolve-inputs.js';
import { DeckServer } from '../serve/deck-server.js';
import { Rebuilder, type Phase, type RebuildEvents } from '../watch/rebuilder.js';
import { FileWatcher } from '../watch/watch-files.js';
import { writeDeckIndex } from '../write/write-index.js';
import { indexTemplateFile } from '../load/load-templates.js';
import { browserOptions, buildOptions, wantsBrowser } from './build-options.js';
import { DEFAULT_PORT, type BuildFlags, type ServeFlags } from './program.js';
import { printDiagnostics, summary, type Io } from './report.js';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1'];

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

function until(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

interface Session {
  flags: BuildFlags;
  io: Io;
  server?: DeckServer;
  /** After the first full build, lines carry the time of day. */
  started: boolean;
}

/** What the terminal and the server hear of each rebuild. */
function liveEvents(live: Session): RebuildEvents {
  const { flags, io, server } = live;
  const stamp = (): string => (live.started ? `${clock()} ` : '');
  return {
    built(result: BuildResult, phase: Phase, recovered: boolean) {
      server?.built(result);
      if (!flags.quiet && (!result.skipped || !live.started)) io.stdout(`${stamp()}${phase === 'pdf' && !result.skipped ? 'PDF ' : ''}${summary(result)}`);
      // Fixed back to the deck last built, nothing is rebuilt; without this line the error would stay the last word on screen.
      else if (!flags.quiet && recovered) io.stdout(`${stamp()}${result.file} is good again: the deck is as last built (${result.deck.slides.length} slides)\n`);
      if (!result.skipped) printDiagnostics(result.diagnostics, flags, io);
    },
    failed(file: string, error: BriefdeckError, diagnostics: Diagnostics) {
      server?.failed(file, error.describe());
      io.stderr(`${stamp()}${error.describe()}${server ? ' (still serving the last good deck)' : ''}\n`);
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
      void writeDeckIndex(flags.out, { force: flags.force, template: indexTemplateFile(flags.templates) }).catch((error: Error) => io.stderr(`briefdeck: cannot write the deck index: ${error.message}\n`));
    },
  };
}

function announce(live: Session, address: string | undefined, files: string[]): void {
  const { flags, io } = live;
  if (address) {
    const host = (flags as ServeFlags).host;
    const names = files.map((f) => encodeURIComponent(path.basename(f).replace(RE_BRIEF_EXT, '')));
    io.stdout(names.length === 1 ? `Open ${address}${names[0]}/ (speaker view: press S)\n` : `Open ${address} for all ${names.length} decks\n`);
    if (!LOCAL_HOSTS.includes(host)) io.stderr(`warning: listening on ${host}: anyone who can reach this machine can read the decks\n`);
  }
  if (!flags.quiet) io.stdout(`Watching ${files.length} ${files.length === 1 ? 'brief' : 'briefs'}, their folders and the templates; Ctrl+C to stop.\n`);
}

function serverFor(flags: ServeFlags): DeckServer {
  return new DeckServer({ outDir: flags.out, host: flags.host, port: flags.port ?? DEFAULT_PORT, explicitPort: flags.port !== undefined });
}

/**
 * `build --watch` and `serve`: build everything, then rebuild what changes until interrupted.
 * Bad input never ends the session: it is reported, and the last good outputs stay.
 */
export async function runLive(inputs: string[], flags: BuildFlags | ServeFlags, io: Io, serving: boolean): Promise<ExitCode> {
  checkOutDir(flags.out, inputs);
  const prints = wantsBrowser(flags);
  // As in `build`: PDFs need the browser, so its absence stops the session before it starts.
  await using session = new BrowserSession(browserOptions(flags, prints));
  if (prints) session.locate();
  // Ctrl-C or SIGTERM ends the session: a build still running gets no browser any more.
  io.signal?.addEventListener('abort', () => void session.stop(), { once: true });
  await using server = serving ? serverFor(flags as ServeFlags) : undefined;
  const live: Session = { flags, io, server, started: false };
  // One memo for the session: a rebuild lays out only the slides an edit changed.
  const build = { ...buildOptions(flags, session), memo: new MeasureMemo() };
  let watcher: FileWatcher | undefined;
  // Files the decks read beyond the watched folders (includes, config, theme, templates) are
  // watched once a build has found them.
  const events = { ...liveEvents(live), watchMore: (files: string[]) => watcher?.add(files) };
  const rebuilder = new Rebuilder({ inputs, build, events });
  // Inputs that do not exist are reported before anything is served or printed.
  await rebuilder.list();
  const address = await server?.start();
  if (address) io.stdout(`Serving at ${address}\n`);
  // Watching starts before the first build, so an edit made while it runs is not lost.
  await using watching = new FileWatcher({
    paths: rebuilder.watchPaths(),
    ignore: [flags.out],
    onBatch: (changes) => void rebuilder.onChanges(changes),
    onError: (error) => io.stderr(`briefdeck: watching files failed: ${error.message}\n`),
  });
  watcher = watching;
  await watching.ready;
  await rebuilder.buildAll();
  live.started = true;
  announce(live, address, rebuilder.files);
  await until(io.signal);
  await rebuilder.idle().catch(() => undefined);
  return io.signal?.reason === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
}
