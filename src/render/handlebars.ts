import Handlebars from 'handlebars';
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

/** A built-in template as the bundle precompiled it, when `source` is exactly what was precompiled. */
function precompiled(hbs: typeof Handlebars, source: string): HandlebarsTemplateDelegate | undefined {
  const spec = PRECOMPILED[sha256(source)];
  return spec && hbs.template(spec);
}

/** Parsed up front, so a syntax error names its own file even in a partial no slide uses. */
function compileOne(hbs: typeof Handlebars, source: string, file: string): HandlebarsTemplateDelegate {
  const template = precompiled(hbs, source) ?? compileChecked(hbs, source, file);
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      (error as Located)[TEMPLATE_FILE] ??= file;
      throw error;
    }
  };
}

function compileChecked(hbs: typeof Handlebars, source: string, file: string): HandlebarsTemplateDelegate {
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
  const hbs = Handlebars.create();
  const fileOf = (name: string): string => sources.files[name] ?? `${sources.dir}/${name}.hbs`;
  for (const [name, source] of Object.entries(sources.partials)) {
    hbs.registerPartial(name, compileOne(hbs, source, fileOf(`partials/${name}`)));
  }
  const deck = compileOne(hbs, sources.deck, fileOf('deck'));
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
  const hbs = Handlebars.create();
  const page = precompiled(hbs, source) ?? hbs.compile(source, COMPILE_OPTIONS);
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
