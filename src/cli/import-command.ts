import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import { formatDiagnostic } from '../diagnostics.js';
import { EXIT, fail, type ExitCode } from '../errors.js';
import { CONVERT_TIME_LIMIT } from '../load/convert-in-worker.js';
import { briefName, importFile, RE_BRIEF_FILE } from '../load/load-brief.js';
import { writeNewFile, writeNewFiles } from '../write/write-new-files.js';

export interface ImportFlags {
  output?: string;
  force: boolean;
  /** Seconds the conversion may take (`--time-limit`). */
  timeLimit: number;
}

/** Seconds, fractions allowed, from a millisecond to an hour. */
function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value.trim()) || n < 0.001 || n > 3600) throw new InvalidArgumentError('expected a number of seconds from 0.001 to 3600');
  return n;
}

const IMPORT_EXAMPLES = `
Examples:
  $ briefdeck import notes.txt                      write content/notes.md to edit
  $ briefdeck import memo.docx                      content/memo.md, its images in content/memo-images/
  $ briefdeck import page.html -o content/brief.md  the article of a web page, named
  $ briefdeck build memo.docx                       or build the document as it is, converted in memory
`;

/** `briefdeck import FILE`: writes the Markdown brief for the author to edit; never over a file unless --force. */
export async function importOne(file: string, flags: ImportFlags, io: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<ExitCode> {
  const target = flags.output ?? path.join('content', `${briefName(file)}.md`);
  if (!RE_BRIEF_FILE.test(target)) fail('import-output', `-o must name a Markdown file (.md): ${target}`, { exitCode: EXIT.usage });
  const { markdown, found, images = [], dropped = [] } = await importFile(file, { timeLimit: Math.round(flags.timeLimit * 1000) });
  // The images and the brief are checked together: none is written over an existing file without --force.
  if (images.length === 0) await writeNewFile(target, markdown, flags.force);
  else await writeNewFiles(path.dirname(target), [...images.map((i) => ({ name: i.name, data: i.bytes })), { name: path.basename(target), data: markdown }], flags.force);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const words = { heading: 'heading', paragraph: 'paragraph', item: 'list item', table: 'table', footnote: 'footnote', image: 'image', quote: 'quote' };
  const made = Object.entries(words)
    .filter(([key]) => key === 'heading' || key === 'paragraph' || key === 'item' || found[key])
    .map(([key, word]) => plural(found[key] ?? 0, word))
    .join(', ');
  io.stdout(`${file} → ${target} (${made}); check the guessed title and language in its front matter\n`);
  for (const what of dropped) io.stderr(`${formatDiagnostic({ severity: 'warning', code: 'import-dropped', message: what, at: { file, line: 1 } })}\n`);
  return EXIT.ok;
}

export function addImportCommand(program: Command, action: (file: string, flags: ImportFlags) => Promise<void>): Command {
  return program
    .command('import')
    .description('turn a plain-text, Word or HTML document into a Markdown brief (content/<name>.md) to edit')
    .argument('<file>', 'a plain-text (.txt), Word (.docx) or HTML (.html, .htm) file')
    .option('-o, --output <file.md>', 'the brief to write (default: content/<name>.md)')
    .option('-f, --force', 'replace the brief if it exists', false)
    .option('--time-limit <seconds>', 'most time the conversion may take; it is stopped then and nothing is written', seconds, CONVERT_TIME_LIMIT / 1000)
    .addHelpText('after', IMPORT_EXAMPLES)
    .action((file: string, flags: ImportFlags) => action(file, flags));
}
