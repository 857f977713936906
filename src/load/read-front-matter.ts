import { LineCounter, parseDocument, isMap, isScalar, visit, type Document, type Pair } from 'yaml';
import { fail } from '../errors.js';
import type { SourceRef } from '../types.js';

const RE_OPEN = /^---[ \t]*\n/;
const RE_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
const RE_TOML = /^\+\+\+[ \t]*\n/;

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Where each top-level key stands, for located messages. */
  keyRefs: Map<string, SourceRef>;
  body: string;
  bodyLine: number;
}

/** Splits `---` YAML front matter from the body; `text` is already LF-only. */
export function readFrontMatter(text: string, file: string): FrontMatter {
  if (RE_TOML.test(text)) {
    fail('toml-front-matter', 'TOML front matter (+++) is not supported; write YAML between --- lines', { at: { file, line: 1, column: 1 } });
  }
  if (!RE_OPEN.test(text)) return { data: {}, keyRefs: new Map(), body: text, bodyLine: 1 };
  const rest = text.slice(text.indexOf('\n') + 1);
  const close = RE_CLOSE.exec(rest);
  if (!close) fail('front-matter-unclosed', 'front matter opened with --- is never closed (add a line with --- after it)', { at: { file, line: 1, column: 1 } });
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.indexOf('\n', close.index);
  const body = afterClose === -1 ? '' : rest.slice(afterClose + 1);
  const yamlLines = yamlText.split('\n').length - 1;
  // Line 1 is the opening ---, the YAML follows, then the closing line.
  const bodyLine = yamlLines + 3;
  return { ...parseYaml(yamlText, file), body, bodyLine };
}

const PAIRS: Record<string, string> = { ']': '[', '}': '{' };

/**
 * The yaml package places a `[` or `{` left open, or a quote left unclosed, where it gave up: the
 * start of the next line, one line below the mistake. The user looks for the opening one: found
 * by walking back over balanced pairs (quotes inside are rare enough in front matter to ignore).
 */
function openerOf(text: string, message: string, offset: number): number {
  const flow = /end with an? ([\]}])$/.exec(message);
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const found = text.lastIndexOf(quote[1], offset - 1);
    return found >= 0 ? found : offset;
  }
  if (!flow) return offset;
  const [close, open] = [flow[1], PAIRS[flow[1]]];
  for (let i = Math.min(offset, text.length) - 1, depth = 0; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return offset;
}

/** `firstLine` is the file line the YAML starts on: 2 in front matter, after the opening `---`. */
export function parseYaml(yamlText: string, file: string, { what = 'front matter', firstLine = 2 } = {}): Pick<FrontMatter, 'data' | 'keyRefs'> {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const refAt = (offset: number): SourceRef => {
    const pos = counter.linePos(offset);
    return { file, line: pos.line + firstLine - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    fail('yaml-invalid', `invalid YAML in ${what}: ${message}`, { at: refAt(openerOf(yamlText, message, error.pos[0])) });
  }
  if (doc.contents === null) return { data: {}, keyRefs: new Map() };
  if (!isMap(doc.contents)) {
    fail('front-matter-not-map', `${what} must be a set of \`key: value\` lines`, { at: refAt(doc.contents.range?.[0] ?? 0) });
  }
  const keyRefs = new Map<string, SourceRef>();
  for (const pair of doc.contents.items as Pair[]) {
    if (isScalar(pair.key) && pair.key.range) keyRefs.set(String(pair.key.value), refAt(pair.key.range[0]));
  }
  return { data: toData(doc, (offset) => refAt(offset), what), keyRefs };
}

/**
 * How many times aliases (`*name`) may be expanded in all. Front matter has no use for them beyond
 * a few; a "billion laughs" of nested aliases would otherwise grow into gigabytes.
 */
export const MAX_YAML_ALIASES = 100;

function toData(doc: Document, refAt: (offset: number) => SourceRef, what: string): Record<string, unknown> {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>;
  } catch (error) {
    // yaml throws a ReferenceError for too many expansions (and for an alias it cannot resolve).
    if (!(error instanceof ReferenceError)) throw error;
    let at = 0;
    visit(doc, {
      Alias(_key, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return fail('yaml-aliases', `${what} expands its YAML aliases (*name) more than ${MAX_YAML_ALIASES} times; write the values out`, { at: refAt(at) });
  }
}
