import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { Parser } from 'htmlparser2';
import { fail } from '../errors.js';
import type { SourceRef } from '../types.js';
import { TEMPLATES_DIR } from '../paths.js';

/*
 * A template from a config briefdeck found (not given with --config or --templates) is untrusted:
 * it may lay slides out, but never run script. Checking its source for `<script` is not enough, as
 * a template can build markup from pieces: `<scr{{!}}ipt>`, `<{{subtitle}}>` (the brief's text as a
 * tag name), `{{{title}}}` (raw brief text), a partial that ends inside a tag. So the source is
 * masked: what each `{{…}}` will write becomes a mark of its own length, and the markup around the
 * marks is parsed as a browser parses it (htmlparser2). A mark may stand where a value goes (text,
 * an attribute value), never inside a tag or attribute name; whatever is parsed must be markup that
 * cannot run script whichever values fill the marks.
 */

/** Where a `{{…}}` writes a value, a raw field or a partial. */
const VALUE = '\uE000';
/** Where a block's `{{#…}}`, `{{else}}`, `{{/…}}` or a comment stands: it writes nothing itself. */
const BLOCK = '\uE001';
/** After the end of the file: seen inside a tag, the file ends inside that tag. */
const END = '\uE002';
const RE_MARK = /[\uE000-\uE002]/;
const RE_MARKS = /[\uE000-\uE002]/g;
const RE_TAG_FROM_MARK = /<\/?\s*[\uE000\uE001]/g;
/** `<![CDATA[`: a browser ends it at the first `>` outside SVG, htmlparser2 at `]]>`; what lies between would go unchecked. */
const RE_DECLARATION = /<!(?!--|doctype[\s>])/gi;

/** Never in an untrusted template: they run script, load pages or leave their text to the browser's raw-text rules. */
const DENIED = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'portal', 'fencedframe', 'noscript', 'xmp', 'noembed',
  'noframes', 'plaintext', 'set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor', 'handler', 'listener']);
/** Allowed only as the built-in templates write them, character for character (reveal.js, its config, the styles). */
const GUARDED = new Set(['script', 'style', 'link', 'base']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'srcset', 'background', 'cite', 'ping',
  'lowsrc', 'longdesc', 'usemap', 'codebase', 'manifest', 'icon', 'profile', 'dynsrc', 'archive', 'classid']);
/** A URL whose fixed start is a path, a query, a fragment or one of these schemes cannot become `javascript:` whatever follows. */
const RE_SAFE_URL_START = /^(?:[^:&]*[/?#]|(?:https?|mailto|tel):)/i;
const RE_SCRIPT_URL = /^(?:javascript|vbscript):/i;
/** Fields that are CSS, JavaScript or JSON, not HTML: only inside the built-in element they belong in. */
const RE_CODE_FIELD = /(?:Css|Js|Json)Html$/;

interface Hole {
  start: number;
  kind: 'value' | 'raw' | 'partial';
  /** How the `{{…}}` is shown in a message. */
  shown: string;
  /** The field a simple `{{path}}` names (its last part), when it is one. */
  field?: string;
}

interface Masked {
  text: string;
  holes: Hole[];
}

type Node = hbs.AST.Node & { loc: hbs.AST.SourceLocation };

function offsetsOf(source: string): (pos: hbs.AST.Position) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (pos) => starts[pos.line - 1] + pos.column;
}

function holeOf(node: hbs.AST.MustacheStatement, start: number): Hole {
  const expr = node.path as hbs.AST.PathExpression;
  const simple = expr.type === 'PathExpression' && node.params.length === 0 && !node.hash;
  const name = expr.type === 'PathExpression' ? expr.original : String((expr as { original?: unknown }).original);
  const shown = node.escaped ? `{{${name}${simple ? '' : ' …'}}}` : `{{{${name}${simple ? '' : ' …'}}}}`;
  return { start, kind: node.escaped ? 'value' : 'raw', shown, field: simple ? expr.parts.at(-1) : undefined };
}

/** Every statement in a template, nested ones (in blocks, partial blocks, inline partials) included. */
function statements(node: hbs.AST.Node | null | undefined, into: Node[] = []): Node[] {
  if (!node) return into;
  if (node.type !== 'Program') into.push(node as Node);
  const n = node as hbs.AST.Program & hbs.AST.BlockStatement;
  for (const child of n.body ?? []) statements(child, into);
  statements(n.program, into);
  statements(n.inverse, into);
  return into;
}

function holeAt(node: Node, start: number, source: string): Hole | undefined {
  if (node.type === 'MustacheStatement') return holeOf(node as hbs.AST.MustacheStatement, start);
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') return { start, kind: 'partial', shown: source.slice(start, source.indexOf('}}', start) + 2) };
  return undefined;
}

/**
 * The source with every `{{…}}` replaced by marks of the same length, so offsets stay the
 * source's: VALUE where it writes something, BLOCK where it writes nothing itself (a block's
 * delimiters, a comment); the text of every program is copied back.
 */
function mask(source: string): Masked | undefined {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch {
    return undefined; // a syntax error: compiling the template reports it, located
  }
  const offset = offsetsOf(source);
  const chars: string[] = Array.from({ length: source.length }, () => BLOCK);
  const holes: Hole[] = [];
  const nodes = statements(ast);
  for (const node of nodes) {
    const hole = holeAt(node, offset(node.loc.start), source);
    if (!hole) continue;
    holes.push(hole);
    for (let i = hole.start; i < offset(node.loc.end); i++) chars[i] = VALUE;
  }
  for (const node of nodes.filter((n) => n.type === 'ContentStatement')) {
    for (let i = offset(node.loc.start); i < offset(node.loc.end); i++) chars[i] = source[i];
  }
  return { text: chars.join(''), holes };
}

interface Finding {
  at: number;
  what: string;
}

const article = (tag: string): string => (/^[aeiou]/.test(tag) ? 'an' : 'a');

/** What is wrong with one attribute, if anything. */
function attributeFinding(name: string, value: string, holesIn: Hole[]): string | undefined {
  if (name.includes(END) || value.includes(END)) return 'ending inside a tag';
  if (name.includes(VALUE)) return 'an attribute name written by {{…}}';
  const parts = name.split(BLOCK).filter(Boolean);
  if (parts.length > 1) return 'an attribute name split by {{#…}}';
  if (/^on/i.test(parts[0] ?? '')) return `the event handler attribute ${parts[0]}`;
  if (!URL_ATTRIBUTES.has(name.replace(RE_MARKS, ''))) return undefined;
  const url = value.replace(/[\x00-\x20]/g, '');
  if (!RE_MARK.test(url)) return RE_SCRIPT_URL.test(url) ? `a ${url.split(':')[0].toLowerCase()}: URL` : undefined;
  const start = url.slice(0, url.search(RE_MARK));
  const whole = holesIn.length === 1 && url.replace(/\uE000/g, '') === '' && /Src$/.test(holesIn[0].field ?? '');
  return whole || (start !== '' && RE_SAFE_URL_START.test(start)) ? undefined : `a URL (${name}) written by {{…}}`;
}

interface Tag {
  name: string;
  start: number;
  end?: number;
  attributes: Record<string, string>;
}

/** Parses the masked markup; returns the findings, the tags' spans and the guarded elements' sources. */
function parse(source: string, masked: Masked): { findings: Finding[]; tags: Tag[]; guarded: Array<{ start: number; end: number; text: string }> } {
  const findings: Finding[] = [];
  const tags: Tag[] = [];
  const guarded: Array<{ start: number; end: number; text: string }> = [];
  let tag: Tag | undefined;
  const open: Tag[] = [];
  const parser = new Parser(
    {
      onopentagname(raw) {
        // `<li{{#if current}} class="…"{{/if}}>`: a block may end a tag name, never join two pieces into one.
        const parts = raw.split(BLOCK).filter(Boolean);
        tag = { name: parts[0] ?? raw, start: parser.startIndex, attributes: {} };
        if (raw.includes(END)) findings.push({ at: tag.start, what: 'ending inside a tag' });
        else if (raw.includes(VALUE) || parts.length > 1) findings.push({ at: tag.start, what: 'a tag name written by {{…}}' });
      },
      onattribute(name, value) {
        if (!tag) return;
        tag.attributes[name.replace(RE_MARKS, '')] = value;
        const holesIn = masked.holes.filter((h) => h.start >= parser.startIndex && h.start <= parser.endIndex);
        const what = attributeFinding(name, value, holesIn);
        if (what) findings.push({ at: what === 'ending inside a tag' ? tag.start : parser.startIndex, what });
      },
      onopentag() {
        if (!tag) return;
        const name = tag.name;
        tag.end = parser.endIndex;
        tags.push(tag);
        if (DENIED.has(name)) findings.push({ at: tag.start, what: `${article(name)} <${name}> element` });
        if (GUARDED.has(name) || (name === 'meta' && 'http-equiv' in tag.attributes)) open.push(tag);
        tag = undefined;
      },
      onclosetag(raw) {
        const element = open.at(-1);
        if (!element || element.name !== raw.split(BLOCK)[0]) return;
        open.pop();
        guarded.push({ start: element.start, end: parser.endIndex + 1, text: source.slice(element.start, parser.endIndex + 1) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(`${masked.text}${END}>`);
  parser.end();
  if (tag) findings.push({ at: tag.start, what: 'ending inside a tag' });
  for (const match of masked.text.matchAll(RE_TAG_FROM_MARK)) findings.push({ at: match.index, what: 'a tag name written by {{…}}' });
  for (const match of masked.text.matchAll(RE_DECLARATION)) findings.push({ at: match.index, what: 'a <!…> declaration (only comments and the doctype)' });
  return { findings, tags, guarded };
}

function holeFinding(hole: Hole, inTag: boolean, inAllowed: boolean): string | undefined {
  if (hole.kind === 'value') return undefined;
  if (hole.kind === 'partial') return inTag ? `a partial (${hole.shown}) inside a tag` : undefined;
  if (!hole.field?.endsWith('Html')) return `${hole.shown} (only fields ending in Html are written unescaped)`;
  if (RE_CODE_FIELD.test(hole.field)) return inAllowed ? undefined : `${hole.shown} outside the built-in element it belongs in`;
  return inTag ? `${hole.shown} inside a tag` : undefined;
}

/** Every guarded element (script, style, meta http-equiv, link, base) the built-in templates write, as written. */
const builtIn: Promise<Set<string>> = (async () => {
  const allowed = new Set<string>();
  for (const name of ['deck.hbs', 'handout.hbs']) {
    const source = await readFile(path.join(TEMPLATES_DIR, name), 'utf8');
    const masked = mask(source);
    if (masked) for (const element of parse(source, masked).guarded) allowed.add(element.text);
  }
  return allowed;
})();

function refAt(source: string, file: string, offset: number): SourceRef {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Refuses, located at its file, line and column, a template from an untrusted folder that could
 * run script in the deck: script, event handlers, `javascript:` URLs, frames, objects, forms,
 * `<base>`, `<link>`, `<meta http-equiv>`, and markup built from `{{…}}` pieces. The built-in
 * templates' own `<script>` and `<style>` elements are allowed as they are written, so a folder
 * made with `briefdeck templates --eject` passes.
 */
export async function checkUntrustedTemplate(source: string, file: string): Promise<void> {
  const masked = mask(source);
  if (!masked) return;
  const { findings, tags, guarded } = parse(source, masked);
  const allowed = await builtIn;
  for (const element of guarded) {
    if (allowed.has(element.text)) continue;
    const name = /^<\s*([a-z]+)/i.exec(element.text)?.[1].toLowerCase() ?? 'script';
    findings.push({ at: element.start, what: name === 'meta' ? 'a <meta http-equiv> element' : `a <${name}> element` });
  }
  for (const hole of masked.holes) {
    const inTag = tags.some((t) => hole.start > t.start && hole.start <= (t.end ?? t.start));
    const inAllowed = guarded.some((g) => allowed.has(g.text) && hole.start > g.start && hole.start < g.end);
    const what = holeFinding(hole, inTag, inAllowed);
    if (what) findings.push({ at: hole.start, what });
  }
  if (findings.length === 0) return;
  const first = findings.reduce((a, b) => (b.at < a.at ? b : a));
  fail('template-untrusted', `${first.what} is not allowed in a template from a config briefdeck found (give its folder with --templates to trust it)`, { at: refAt(source, file, first.at) });
}
