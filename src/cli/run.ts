import { CommanderError } from 'commander';
import path from 'node:path';
import { buildDeck, type BuildResult } from '../build-deck.js';
import { Diagnostics, formatDiagnostic } from '../diagnostics.js';
import { BriefdeckError, EXIT, type ExitCode } from '../errors.js';
import { BrowserSession } from '../export/browser-session.js';
import { checkOutDir, resolveInputs } from '../load/resolve-inputs.js';
import { createProgram, type BuildFlags } from './program.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on SIGINT/SIGTERM; its reason is the signal name. */
  signal?: AbortSignal;
}

const defaultIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function summary(result: BuildResult): string {
  const outputs = result.outputs.map((o) => path.relative(process.cwd(), o) || o).join(', ');
  const pdf = result.ms.pdf > 0 ? ` + PDF ${seconds(result.ms.pdf)}` : '';
  return `${result.file} → ${outputs} (${result.deck.slides.length} slides, ${seconds(result.ms.build)}${pdf})\n`;
}

function signalCode(signal?: AbortSignal): ExitCode | undefined {
  if (!signal?.aborted) return undefined;
  return signal.reason === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
}

async function buildAll(inputs: string[], flags: BuildFlags, io: Io): Promise<ExitCode> {
  const files = await resolveInputs(inputs);
  checkOutDir(flags.out, inputs);
  await using session = new BrowserSession({ browserPath: flags.browser, timeout: flags.timeout * 1000 });
  // A missing browser is reported before any work, not after the first deck is written.
  if (flags.pdf) session.locate();
  const stop = (): void => void session.close();
  io.signal?.addEventListener('abort', stop);
  let code: ExitCode = EXIT.ok;
  try {
    for (const file of files) {
      if (io.signal?.aborted) break;
      const diagnostics = new Diagnostics();
      try {
        const { strict, allowHtml, fetchRemote, force } = flags;
        const result = await buildDeck(file, { outDir: flags.out, pdf: flags.pdf, budget: flags.budget, theme: flags.theme, aspect: flags.aspect, browser: session, diagnostics, strict, allowHtml, fetchRemote, force, signal: io.signal });
        if (!flags.quiet) io.stdout(summary(result));
      } catch (error) {
        // After Ctrl-C the stop, not the brief, made the build fail: say so once, below.
        if (io.signal?.aborted) break;
        if (!(error instanceof BriefdeckError)) throw error;
        io.stderr(`${error.describe()}\n`);
        if (code === EXIT.ok) code = error.exitCode;
        if (error.exitCode === EXIT.noBrowser) break;
      } finally {
        for (const d of diagnostics.list) if (!flags.quiet || d.severity === 'error') io.stderr(`${formatDiagnostic(d)}\n`);
      }
    }
  } finally {
    io.signal?.removeEventListener('abort', stop);
  }
  if (io.signal?.aborted) io.stderr(`briefdeck: interrupted by ${String(io.signal.reason)}; outputs left as they were\n`);
  return signalCode(io.signal) ?? code;
}

/** The CLI: argv in, exit code out. The only place that prints and picks exit codes. */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const program = createProgram(
    async (inputs, flags) => {
      code = await buildAll(inputs, flags, io);
    },
    { out: io.stdout, err: io.stderr },
  );
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
    io.stderr(`briefdeck: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.input;
  }
}
