import { Option, type Command } from 'commander';
import { checkBrief, type CheckResult } from '../build/check-brief.js';
import { escapeControls, escapeJson } from '../control-chars.js';
import { formatDiagnostic, formatRef } from '../diagnostics.js';
import { EXIT, type ExitCode } from '../errors.js';
import { BrowserSession } from '../browser/browser-session.js';
import { resolveInputs } from '../load/resolve-inputs.js';
import { browserOptions, deckOptions } from './build-options.js';
import { addDeckOptions, type DeckFlags } from './program.js';

export interface CheckFlags extends DeckFlags {
  format: 'text' | 'json';
}

export interface CheckIo {
  stdout: (text: string) => void;
  signal?: AbortSignal;
}

function counts(results: CheckResult[]): { errors: number; warnings: number } {
  const all = results.flatMap((r) => r.diagnostics);
  return { errors: all.filter((d) => d.severity === 'error').length, warnings: all.filter((d) => d.severity === 'warning').length };
}

function report(results: CheckResult[], format: CheckFlags['format']): string {
  const { errors, warnings } = counts(results);
  if (format === 'json') {
    const files = results.map((r) => ({
      file: r.file,
      slides: r.slides,
      fitVerified: r.fit?.verified ?? false,
      diagnostics: r.diagnostics.map((d) => ({ file: d.at?.file ?? r.file, line: d.at?.line ?? null, column: d.at?.column ?? null, severity: d.severity, code: d.code, message: d.message })),
      shortened: r.shortened.map((s) => ({ file: s.at.file, line: s.at.line, bullet: s.bullet, from: s.from, sentence: s.sentence, rules: s.rules })),
    }));
    // Valid JSON that prints safely too: what JSON.stringify leaves raw (C1, bidi) becomes \u escapes.
    return `${escapeJson(JSON.stringify({ files, errors, warnings }, null, 2))}\n`;
  }
  const lines = results.flatMap((r) => r.diagnostics.map(formatDiagnostic));
  const shortened = results.flatMap((r) => r.shortened);
  if (shortened.length > 0) {
    // A review list, not a problem: the bullets briefdeck cut from the author's sentences.
    lines.push(`bullets shortened for the slides (review them; a <!-- gist: … --> before a paragraph gives its bullet in your words):`);
    for (const s of shortened) lines.push(`  ${escapeControls(`${formatRef(s.at)}: ${s.sentence > 1 ? `sentence ${s.sentence}, ` : ''}${s.rules.join(', ') || 'lead'}: ${s.bullet}`)}`);
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(results.length, 'brief')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

const CHECK_EXAMPLES = `
Examples:
  $ briefdeck check                         check every brief in content/
  $ briefdeck check content/x.md --strict   fail on warnings too
  $ briefdeck check --format json > report.json

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage.
`;

/** `briefdeck check`: exit 1 when any brief has an error (with --strict, any warning). */
export async function checkAll(inputs: string[], flags: CheckFlags, io: CheckIo): Promise<ExitCode> {
  const files = await resolveInputs(inputs);
  await using session = new BrowserSession(browserOptions(flags));
  const stop = (): void => void session.stop();
  io.signal?.addEventListener('abort', stop);
  const results: CheckResult[] = [];
  try {
    for (const file of files) {
      if (io.signal?.aborted) break;
      results.push(await checkBrief(file, { ...deckOptions(flags, session), signal: io.signal }));
    }
  } finally {
    io.signal?.removeEventListener('abort', stop);
  }
  io.stdout(report(results, flags.format));
  return counts(results).errors > 0 ? EXIT.input : EXIT.ok;
}

/** Adds the `check` command to the program; `action` receives its inputs and flags. */
export function addCheckCommand(program: Command, action: (inputs: string[], flags: CheckFlags) => Promise<void>): Command {
  const command = program
    .command('check')
    .description('build in memory, measure every slide, and report problems without writing anything')
    .argument('[inputs...]', 'Markdown briefs, .txt, .docx or .html documents, or folders of briefs', ['content'])
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'));
  return addDeckOptions(command)
    .addHelpText('after', CHECK_EXAMPLES)
    .action((inputs: string[], flags: CheckFlags) => action(inputs, flags));
}
