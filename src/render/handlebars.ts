import type Handlebars from 'handlebars';
// The path with its extension: the package has no `exports` for Node's ES module resolution.
import runtimeModule from 'handlebars/runtime.js';
import { createRequire } from 'node:module';
import { fail } from '../errors.js';
import { sha256 } from '../hash.js';
import { PRECOMPILED } from './precompiled-templates.js';
import type { SourceRef, TemplateSources } from '../types.js';

export type DeckTemplate = (view: object) => string;

const compiled = new WeakMap<TemplateSources, DeckTemplate>();
const RE_PARSE_LINE = /^Parse error on line (\d+):/;
const RE_LOC = / - (\d+):(\d+)$/;
/** The template an error was thrown in, set by the innermost partial that saw it. */
const TEMPLATE_FILE = Symbol('briefdeck.templateFile');

type Located = Error & { lineNumber?: number; column?: number; [TEMPLATE_FILE]?: string };

function locate(error: Located, fallbackFile: string): { at: SourceRef; message: string } {
  const file = error[TEMPLATE_FILE] ?? fallbackFile;
  const parse = RE_PARSE_LINE.exec(error.message);
  if (parse) return { at: { file, line: Number(parse[1]) }, message: `syntax error: ${error.message.split('\n').slice(-1)[0]}` };
  const message = error.message.replace(RE_LOC, '');
  // Handlebars columns are 0-based; editors count from 1.
  if (error.lineNumber) return { at: { file, line: error.lineNumber, column: (error.column ?? 0) + 1 }, message };
  return { at: { file, line: 1 }, message };
}

/** The options every template is compiled with; scripts/build/precompile-templates.mjs precompiles with the same. */
const COMPILE_OPTIONS = { strict: true } as const;

type Hbs = typeof Handlebars;
/** Handlebars without its compiler: what runs precompiled templates (its own types declare nothing). */
const HandlebarsRuntime = runtimeModule as unknown as Pick<Hbs, 'create'>;
let compiler: Hbs | undefined;

/**
 * Handlebars with its compiler, loaded on first use: the CLI bundle has every built-in template
 * precompiled, which the runtime alone runs, so a build with them never loads the compiler.
 */
function withCompiler(): Hbs {
  compiler ??= createRequire(import.meta.url)('handlebars') as Hbs;
  return compiler;
}

/** A set of template sources, each with its precompiled spec when the bundle has one for exactly that source. */
type Specs = Map<string, TemplateSpecification | undefined>;

function specsOf(sources: string[]): Specs {
  return new Map(sources.map((source) => [source, PRECOMPILED[sha256(source)]]));
}

/** A private instance: the runtime alone when every source is precompiled, else Handlebars with its compiler. */
function instanceFor(specs: Specs): Hbs {
  return [...specs.values()].every(Boolean) ? HandlebarsRuntime.create() : withCompiler().create();
}

/** Parsed up front, so a syntax error names its own file even in a partial no slide uses. */
function compileOne(hbs: Hbs, specs: Specs, source: string, file: string): HandlebarsTemplateDelegate {
  const spec = specs.get(source);
  const template = spec ? hbs.template(spec) : compileChecked(hbs, source, file);
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      (error as Located)[TEMPLATE_FILE] ??= file;
      throw error;
    }
  };
}

function compileChecked(hbs: Hbs, source: string, file: string): HandlebarsTemplateDelegate {
  try {
    hbs.parse(source);
  } catch (error) {
    const { at, message } = locate(error as Located, file);
    fail('template-error', `template error: ${message}`, { at });
  }
  return hbs.compile(source, COMPILE_OPTIONS);
}

/** One private Handlebars instance per template set: strict, so a misspelt field is an error. */
export function compileDeck(sources: TemplateSources): DeckTemplate {
  const cached = compiled.get(sources);
  if (cached) return cached;
  const specs = specsOf([sources.deck, ...Object.values(sources.partials)]);
  const hbs = instanceFor(specs);
  const fileOf = (name: string): string => sources.files[name] ?? `${sources.dir}/${name}.hbs`;
  for (const [name, source] of Object.entries(sources.partials)) {
    hbs.registerPartial(name, compileOne(hbs, specs, source, fileOf(`partials/${name}`)));
  }
  const deck = compileOne(hbs, specs, sources.deck, fileOf('deck'));
  const template: DeckTemplate = (view) => {
    try {
      return deck(view);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      const { at, message } = locate(error as Located, fileOf('deck'));
      fail('template-error', `template error: ${message}`, { at });
    }
  };
  compiled.set(sources, template);
  return template;
}

const pages = new Map<string, DeckTemplate>();

/** A page outside the deck (the listing of decks): a private, strict instance too, compiled once per source. */
export function compilePage(source: string, file: string): DeckTemplate {
  const cached = pages.get(source);
  if (cached) return cached;
  const spec = PRECOMPILED[sha256(source)];
  const page = spec ? HandlebarsRuntime.create().template(spec) : withCompiler().create().compile(source, COMPILE_OPTIONS);
  const template: DeckTemplate = (view) => {
    try {
      return page(view);
    } catch (error) {
      fail('template-error', `template error in ${file}: ${(error as Error).message}`);
    }
  };
  pages.set(source, template);
  return template;
}
