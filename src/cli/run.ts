import { CommanderError } from 'commander';
import path from 'node:path';
import { buildDeck } from '../build/build-deck.js';
import { Diagnostics } from '../diagnostics.js';
import { BriefdeckError, EXIT, type ExitCode } from '../errors.js';
import { BrowserSession } from '../browser/browser-session.js';
import { MeasureMemo } from '../fit/measure-memo.js';
import { checkOutDir, resolveInputs } from '../load/resolve-inputs.js';
import { ejectTemplates, initProject } from '../write/write-new-files.js';
import { createProgram, type BuildFlags, type ScaffoldActions } from './program.js';
import { addCheckCommand, checkAll } from './check-command.js';
import { addImportCommand, importOne } from './import-command.js';
import { buildConcurrency, eachBounded } from './each-bounded.js';
import { browserOptions, buildOptions, wantsBrowser } from './build-options.js';
import { writeDeckIndex } from '../write/write-index.js';
import { indexTemplateFile } from '../load/load-templates.js';
import { escapeTerminal } from '../control-chars.js';
import { PACKAGE_ROOT } from '../paths.js';
import { printDiagnostics, summary, type Io } from './report.js';
import { readableStack } from './readable-stack.js';

const defaultIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

function signalCode(signal?: AbortSignal): ExitCode | undefined {
  if (!signal?.aborted) return undefined;
  return signal.reason === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
}

async function buildAll(inputs: string[], flags: BuildFlags, io: Io): Promise<ExitCode> {
  const files = await resolveInputs(inputs);
  checkOutDir(flags.out, inputs);
  const prints = wantsBrowser(flags);
  // PDFs (and the PowerPoint file) need the browser: then a browser that is missing or fails to start stops the run (exit 3),
  // even when fitting meets it first; without PDFs, fitting falls back to the word budget and warns.
  await using session = new BrowserSession(browserOptions(flags, prints));
  // A missing browser is reported before any work, not after the first deck is written.
  if (prints) session.locate();
  // What fit measured, shared by the run's briefs.
  const memo = new MeasureMemo();
  const stop = (): void => void session.stop();
  io.signal?.addEventListener('abort', stop);
  let code: ExitCode = EXIT.ok;
  // Briefs exported in parallel share one browser: a failed launch is reported once, not per brief.
  const reported = new Set<string>();
  try {
    await eachBounded(files, buildConcurrency(prints, files.length), async (file, stopBuilding) => {
      if (io.signal?.aborted) return stopBuilding();
      const diagnostics = new Diagnostics();
      try {
        const result = await buildDeck(file, { ...buildOptions(flags, session, io.signal), memo, diagnostics });
        if (!flags.quiet) io.stdout(summary(result));
        // A deck with a defect its reader would see (diagnostics.ts READER_DEFECTS) is written, and the run fails.
        if (diagnostics.errors.length > 0 && code === EXIT.ok) code = EXIT.input;
      } catch (error) {
        // After Ctrl-C the stop, not the brief, made the build fail: say so once, below.
        if (io.signal?.aborted) return stopBuilding();
        if (!(error instanceof BriefdeckError)) throw error;
        if (!reported.has(error.describe())) io.stderr(`${error.describe()}\n`);
        reported.add(error.describe());
        if (code === EXIT.ok) code = error.exitCode;
        if (error.exitCode === EXIT.noBrowser) stopBuilding();
      } finally {
        printDiagnostics(diagnostics, flags, io);
      }
    });
    const index = io.signal?.aborted ? undefined : await writeDeckIndex(flags.out, { force: flags.force, template: indexTemplateFile(flags.templates) });
    if (index && !flags.quiet) io.stdout(`${path.relative(process.cwd(), index) || index} lists the decks in ${flags.out}\n`);
  } finally {
    io.signal?.removeEventListener('abort', stop);
  }
  if (io.signal?.aborted) io.stderr(`briefdeck: interrupted by ${String(io.signal.reason)}; outputs left as they were\n`);
  return signalCode(io.signal) ?? code;
}

function scaffoldActions(io: Io): ScaffoldActions {
  const report = (what: string, files: string[]): void => io.stdout(`${what}:\n${files.map((f) => `  ${path.relative(process.cwd(), f) || f}\n`).join('')}`);
  return {
    eject: async (dir, force) => report(`copied the built-in templates to ${dir}`, await ejectTemplates(dir, force)),
    // briefdeck is not on the registry: the command exists once `npm link` ran in its folder (README, quick start).
    init: async (dir, force) =>
      report(`started a briefing in ${dir} (build it with: cd ${dir} && briefdeck build --pdf; no briefdeck command yet? run npm link in ${PACKAGE_ROOT})`, await initProject(dir, force)),
  };
}

/**
 * Everything the CLI prints passes here: what a brief brings (its text, file names, front matter,
 * echoed in messages) cannot drive the terminal, its control characters are printed escaped.
 */
function terminalIo(io: Io): Io {
  return { ...io, stdout: (text) => io.stdout(escapeTerminal(text)), stderr: (text) => io.stderr(escapeTerminal(text)) };
}

/** The CLI: argv in, exit code out. The only place that prints and picks exit codes. */
export async function run(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  const io = terminalIo(rawIo);
  let code: ExitCode = EXIT.ok;
  const program = createProgram(
    async (inputs, flags) => {
      code = flags.watch ? await (await import('./live.js')).runLive(inputs, flags, io, false) : await buildAll(inputs, flags, io);
    },
    { out: io.stdout, err: io.stderr },
    async (inputs, flags) => {
      // The server and the file watcher are loaded only by the commands that use them.
      code = await (await import('./live.js')).runLive(inputs, flags, io, true);
    },
    scaffoldActions(io),
  );
  addCheckCommand(program, async (inputs, flags) => {
    code = await checkAll(inputs, flags, io);
  });
  addImportCommand(program, async (file, flags) => {
    code = await importOne(file, flags, io);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof BriefdeckError) {
      io.stderr(`briefdeck: ${error.describe()}\n`);
      return signalCode(io.signal) ?? error.exitCode;
    }
    const code = signalCode(io.signal);
    if (code) return code;
    io.stderr(`briefdeck: internal error (please report it): ${(error as Error).stack === undefined ? String(error) : readableStack((error as Error).stack as string)}\n`);
    return EXIT.input;
  }
}
