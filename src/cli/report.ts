import path from 'node:path';
import type { BuildResult } from '../build/build-deck.js';
import { describeChanges } from '../cache/slide-changes.js';
import { formatDiagnostic, type Diagnostics } from '../diagnostics.js';

/** Where the CLI writes, and what stops it: injected, so tests run the CLI in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on SIGINT/SIGTERM; its reason is the signal name. */
  signal?: AbortSignal;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The line each build prints, in `build`, `build --watch` and `serve` alike. */
export function summary(result: BuildResult): string {
  if (result.skipped) return `${result.file} unchanged, not rebuilt (${result.deck.slides.length} slides, checked in ${seconds(result.ms.build)})\n`;
  const outputs = result.outputs.map((o) => path.relative(process.cwd(), o) || o).join(', ');
  const printed = result.outputs.some((o) => o.endsWith('.pdf')) ? 'PDF' : 'PowerPoint';
  const pdf = result.ms.pdf > 0 ? ` + ${printed} ${seconds(result.ms.pdf)}` : '';
  const fit = result.fit.verified ? `, fitted in ${seconds(result.fit.ms)}` : '';
  return `${result.file} → ${outputs} (${describeChanges(result.changes)}; ${seconds(result.ms.build)}${fit}${pdf})\n`;
}

/** A build's diagnostics on stderr; with `--quiet`, its errors only. */
export function printDiagnostics(diagnostics: Diagnostics, flags: { quiet: boolean }, io: Io): void {
  for (const d of diagnostics.list) if (!flags.quiet || d.severity === 'error') io.stderr(`${formatDiagnostic(d)}\n`);
}
