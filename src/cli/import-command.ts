import type { Command } from 'commander';
import path from 'node:path';
import { EXIT, fail, type ExitCode } from '../errors.js';
import { briefName, importFile, RE_BRIEF_FILE } from '../load/load-brief.js';
import { writeNewFile } from '../write/write-new-files.js';

export interface ImportFlags {
  output?: string;
  force: boolean;
}

const IMPORT_EXAMPLES = `
Examples:
  $ briefdeck import notes.txt                      write content/notes.md to edit
  $ briefdeck import notes.txt -o content/brief.md  name the brief
  $ briefdeck build notes.txt                       or build the text as it is, converted in memory

Plain text only in this build: save a Word document or a web page as plain text (.txt) first.
`;

/** `briefdeck import FILE`: writes the Markdown brief for the author to edit; never over a file unless --force. */
export async function importOne(file: string, flags: ImportFlags, io: { stdout: (text: string) => void }): Promise<ExitCode> {
  const target = flags.output ?? path.join('content', `${briefName(file)}.md`);
  if (!RE_BRIEF_FILE.test(target)) fail('import-output', `-o must name a Markdown file (.md): ${target}`, { exitCode: EXIT.usage });
  const { markdown, found } = await importFile(file);
  await writeNewFile(target, markdown, flags.force);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const made = [plural(found.heading, 'heading'), plural(found.paragraph, 'paragraph'), plural(found.item, 'list item')].join(', ');
  io.stdout(`${file} → ${target} (${made}); check the guessed title and language in its front matter\n`);
  return EXIT.ok;
}

export function addImportCommand(program: Command, action: (file: string, flags: ImportFlags) => Promise<void>): Command {
  return program
    .command('import')
    .description('turn a plain-text document into a Markdown brief (content/<name>.md) to edit')
    .argument('<file>', 'a plain-text file (.txt)')
    .option('-o, --output <file.md>', 'the brief to write (default: content/<name>.md)')
    .option('-f, --force', 'replace the brief if it exists', false)
    .addHelpText('after', IMPORT_EXAMPLES)
    .action((file: string, flags: ImportFlags) => action(file, flags));
}
