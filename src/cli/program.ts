import { Command, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { ASPECTS, DIVIDERS, MODES, PAPERS, type Paper } from '../types.js';
import { HANDOUT_LAYOUTS, type HandoutLayout } from '../render/handout-geometry.js';
import { THEMES } from '../load/read-meta.js';
import { VERSION } from '../version.js';

/** The flags of every command that builds a deck, in memory (`check`) or on disk (addDeckOptions). */
export interface DeckFlags {
  fit: boolean;
  budget?: number;
  theme?: string;
  aspect?: keyof typeof ASPECTS;
  mode?: (typeof MODES)[number];
  dividers?: (typeof DIVIDERS)[number];
  browser?: string;
  timeout: number;
  launchTimeout: number;
  config?: string;
  templates?: string;
  strict: boolean;
  allowHtml: boolean;
  fetchRemote: boolean;
}

export interface BuildFlags extends DeckFlags {
  out: string;
  pdf: boolean;
  quiet: boolean;
  /** `build --watch`: keep running and rebuild what changes. */
  watch?: boolean;
  notes: boolean;
  stripNotes: boolean;
  handout: boolean;
  handoutLayout?: HandoutLayout;
  /** Undefined when not given: `pptx:` in the config file decides then. */
  pptx?: boolean;
  pptxImages?: boolean;
  paper?: Paper;
  force: boolean;
}

export type Action = (inputs: string[], flags: BuildFlags) => Promise<void>;

export interface ServeFlags extends BuildFlags {
  /** Undefined when not given: the default port, with a fallback when it is taken. */
  port?: number;
  host: string;
}

export type ServeAction = (inputs: string[], flags: ServeFlags) => Promise<void>;

/** `briefdeck serve` listens here unless told otherwise; the next free port when it is taken. */
export const DEFAULT_PORT = 8080;

/** Actions of the commands that scaffold files rather than build decks. */
export interface ScaffoldActions {
  eject: (dir: string, force: boolean) => Promise<void>;
  init: (dir: string, force: boolean) => Promise<void>;
}

/** A built-in theme by name, or a `.css` file of the user's (made absolute: front matter paths are relative to the brief). */
function themeArg(value: string): string {
  if (/\.css$/i.test(value)) return path.resolve(value);
  if ((THEMES as readonly string[]).includes(value)) return value;
  throw new InvalidArgumentError(`expected ${THEMES.join(', ')} or a .css file`);
}

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
  $ briefdeck build --pdf --handout          deck, slide PDF and an A4/Letter handout with the notes
  $ briefdeck pdf brief.md --notes           slide PDF with each slide's notes on the page after it
  $ briefdeck build brief.md --pptx          deck and an editable PowerPoint file with the speaker notes
  $ briefdeck build --strip-notes            an HTML deck without speaker notes, to share outside
  $ briefdeck build --theme dark             every brief in the dark theme
  $ briefdeck build --theme brand.css        a theme of your own over the default one
  $ briefdeck templates --eject my-templates copy the built-in templates to edit
  $ briefdeck init my-briefing               a new briefing folder with a config and an example
  $ briefdeck import memo.docx               a Markdown brief from Word, HTML or plain text, content/memo.md

Exit codes:
  0  success                   3  no usable browser for PDF export
  1  a brief has an error      4  PDF export failed
  2  bad command-line usage    130/143  interrupted (SIGINT/SIGTERM)
`;

function addBuildOptions(command: Command, pdfFlag: boolean): Command {
  command
    .argument('[inputs...]', 'Markdown briefs, .txt, .docx or .html documents, or folders of briefs', ['content'])
    .option('-o, --out <dir>', 'output folder; each brief goes to <dir>/<name>/', 'dist');
  addDeckOptions(command)
    .option('-q, --quiet', 'print errors only', false)
    .option('-f, --force', 'rebuild even up-to-date decks; write into an output folder briefdeck did not create, and over files changed since it wrote them', false)
    .option('--notes', "slide PDF: each slide's notes on a page after it (implies --pdf)", false)
    .option('--strip-notes', 'write the HTML deck without speaker notes', false)
    .option('--handout', 'also write <name>/<name>-handout.pdf: slides with their notes on paper', false)
    .addOption(new Option('--handout-layout <layout>', 'handout layout: notes (slide above its notes), 2 or 3 (slides with ruled space), 6 (grid); implies --handout').choices([...HANDOUT_LAYOUTS]))
    .option('--pptx', 'also write <name>/<name>.pptx: an editable PowerPoint file laid out as the deck, with the notes')
    .option('--pptx-images', 'write the .pptx with a picture of each slide instead (exact look, not editable; notes kept)')
    .addOption(new Option('--paper <size>', 'handout paper (default: `paper` in front matter, else Letter for en-US and neighbours, else A4)').choices([...PAPERS]));
  if (pdfFlag) command.option('--pdf', 'also write <name>/<name>.pdf', false);
  // `pdf` is `build --pdf`, so it watches as build does; `serve` always does.
  if (command.name() !== 'serve') command.option('-w, --watch', 'keep running: rebuild what changes (briefs, their images, templates, themes)', false);
  return command;
}

/** Options shared by every command that builds a deck, in memory or on disk. */
export function addDeckOptions(command: Command): Command {
  return command
    .option('--budget <words>', 'most words of body text on one slide (default 100, or `budget` in front matter)', wholeNumber(20, 1000))
    .option('--theme <name|file.css>', `theme (${THEMES.join(', ')}) or a CSS file laid over the default theme`, themeArg)
    .option('--templates <dir>', 'folder of templates (deck.hbs, partials/*.hbs) that win over the built-in ones')
    .option('--config <file>', 'config file (else the nearest briefdeck.config.json|yaml above each brief)')
    .addOption(new Option('--aspect <ratio>', 'slide shape, over the front matter').choices(Object.keys(ASPECTS)))
    .addOption(new Option('--mode <mode>', 'condensed (the default, for presenting): key judgements first, 3–5 short bullets a slide, the prose in the notes; full: all the text on the slides, for reading').choices([...MODES]))
    .addOption(new Option('--dividers <when>', 'section divider slides: auto (when sections run to two slides or more), all, none, h1 (before # parts only)').choices([...DIVIDERS]))
    .option('--browser <path>', 'Chrome or Chromium to measure slides and print PDFs (else BRIEFDECK_BROWSER, PUPPETEER_EXECUTABLE_PATH, system paths, Puppeteer cache)')
    .option('--no-fit', 'pack slides by word budget only, without measuring them in the browser')
    .option('--strict', 'treat every warning about a brief (unknown key, image without alt text…) as an error; a build then writes nothing', false)
    .option('--allow-html', 'keep raw HTML (scripts included) as written: only for briefs you trust', false)
    .option('--fetch-remote', 'download remote (http/https) images and embed them; by default they are not fetched', false)
    .option('--timeout <seconds>', 'time limit for each browser step (loading a deck, laying it out, printing)', wholeNumber(1, 3600), 60)
    .option('--launch-timeout <seconds>', 'time limit for starting the browser', wholeNumber(1, 3600), 60);
}

function addServeCommand(program: Command, serve: ServeAction): void {
  addBuildOptions(program.command('serve').description('build decks, serve them on a local web server and reload the browser on every change'), true)
    .option('-p, --port <number>', `port to listen on (default ${DEFAULT_PORT}, or the next free one)`, wholeNumber(0, 65535))
    .option('--host <address>', 'address to listen on; 0.0.0.0 shows the decks to your whole network', '127.0.0.1')
    .addHelpText('after', '\nExample:\n  $ briefdeck serve content/brief.md --port 9000   open http://127.0.0.1:9000/brief/\n')
    .action((inputs: string[], flags: ServeFlags) => serve(inputs, flags));
}

/** A fresh commander program per run, so tests can run the CLI in-process. */
export function createProgram(
  build: Action,
  write: { out: (s: string) => void; err: (s: string) => void },
  serve?: ServeAction,
  scaffold?: ScaffoldActions,
): Command {
  const program = new Command('briefdeck')
    .description('Turn a written briefing (Markdown) into an offline Reveal.js deck and a PDF.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .showHelpAfterError('(run briefdeck --help for usage)')
    .addHelpText('after', EXAMPLES);

  addBuildOptions(program.command('build').description('build decks (dist/<name>/index.html), and PDFs with --pdf'), true)
    .addHelpText('after', EXAMPLES)
    .action((inputs: string[], flags: BuildFlags) => build(inputs, { ...flags, pdf: flags.pdf || flags.notes }));
  if (serve) addServeCommand(program, serve);
  addBuildOptions(program.command('pdf').description('build decks and their slide PDFs (same as build --pdf)'), false)
    .action((inputs: string[], flags: BuildFlags) => build(inputs, { ...flags, pdf: true }));
  if (scaffold) addScaffoldCommands(program, scaffold);
  return program;
}

function addScaffoldCommands(program: Command, scaffold: ScaffoldActions): void {
  program
    .command('templates')
    .description('work with templates: --eject DIR copies the built-in templates and themes into DIR')
    .requiredOption('--eject <dir>', 'folder to copy the built-in deck.hbs, partials/ and themes/ into')
    .option('--force', 'replace files that already exist', false)
    .action((flags: { eject: string; force: boolean }) => scaffold.eject(flags.eject, flags.force));
  program
    .command('init')
    .description('start a briefing folder: briefdeck.config.yaml, content/example.md and a README')
    .argument('[dir]', 'folder to create or fill', '.')
    .option('--force', 'replace files that already exist', false)
    .action((dir: string, flags: { force: boolean }) => scaffold.init(dir, flags.force));
}
