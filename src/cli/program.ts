import { Command, InvalidArgumentError, Option } from 'commander';
import { ASPECTS } from '../types.js';
import { THEMES } from '../load/read-meta.js';
import { VERSION } from '../version.js';

export interface BuildFlags {
  out: string;
  pdf: boolean;
  budget?: number;
  theme?: string;
  aspect?: keyof typeof ASPECTS;
  browser?: string;
  timeout: number;
  quiet: boolean;
  strict: boolean;
  allowHtml: boolean;
  fetchRemote: boolean;
  force: boolean;
}

export type Action = (inputs: string[], flags: BuildFlags) => Promise<void>;

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

const EXAMPLES = `
Examples:
  $ briefdeck build                          build every brief in content/ into dist/
  $ briefdeck build content/brief.md --pdf   one brief, with its slide PDF
  $ briefdeck pdf content/ -o out/           every brief in content/, deck and PDF, into out/
  $ briefdeck build brief.md --budget 80     at most 80 words of body text per slide

Exit codes:
  0  success                   3  no usable browser for PDF export
  1  a brief has an error      4  PDF export failed
  2  bad command-line usage    130/143  interrupted (SIGINT/SIGTERM)
`;

function addBuildOptions(command: Command, pdfFlag: boolean): Command {
  command
    .argument('[inputs...]', 'Markdown briefs or folders of briefs', ['content'])
    .option('-o, --out <dir>', 'output folder; each brief goes to <dir>/<name>/', 'dist')
    .option('--budget <words>', 'most words of body text on one slide (default 100, or `budget` in front matter)', wholeNumber(20, 1000))
    .addOption(new Option('--theme <name>', 'theme, over the front matter').choices([...THEMES]))
    .addOption(new Option('--aspect <ratio>', 'slide shape, over the front matter').choices(Object.keys(ASPECTS)))
    .option('--browser <path>', 'Chrome or Chromium for PDF export (else BRIEFDECK_BROWSER, PUPPETEER_EXECUTABLE_PATH, system paths, Puppeteer cache)')
    .option('--timeout <seconds>', 'time limit for each browser step', wholeNumber(1, 3600), 60)
    .option('-q, --quiet', 'print errors only', false)
    .option('--strict', 'treat every warning about a brief (missing image, unknown key…) as an error; nothing is written', false)
    .option('--allow-html', 'keep raw HTML (scripts included) as written: only for briefs you trust', false)
    .option('--fetch-remote', 'download remote (http/https) images and embed them; by default they are not fetched', false)
    .option('--force', 'write into an output folder briefdeck did not create, and replace files changed since it wrote them', false);
  if (pdfFlag) command.option('--pdf', 'also write <name>/<name>.pdf', false);
  return command;
}

/** A fresh commander program per run, so tests can run the CLI in-process. */
export function createProgram(build: Action, write: { out: (s: string) => void; err: (s: string) => void }): Command {
  const program = new Command('briefdeck')
    .description('Turn a written briefing (Markdown) into an offline Reveal.js deck and a PDF.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .showHelpAfterError('(run briefdeck --help for usage)')
    .addHelpText('after', EXAMPLES);

  addBuildOptions(program.command('build').description('build decks (dist/<name>/index.html), and PDFs with --pdf'), true)
    .addHelpText('after', EXAMPLES)
    .action((inputs: string[], flags: BuildFlags) => build(inputs, flags));
  addBuildOptions(program.command('pdf').description('build decks and their slide PDFs (same as build --pdf)'), false)
    .action((inputs: string[], flags: BuildFlags) => build(inputs, { ...flags, pdf: true }));
  return program;
}
