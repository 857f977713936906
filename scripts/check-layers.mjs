#!/usr/bin/env node
// `npm run check:layers`: the stage order of src/ (CONTRIBUTING.md), checked on the imports.
// A stage may import the shared base and the stages before it in the pipeline, never one after it;
// the drivers (build, watch, serve, cli) sit above every stage; only fit, pdf, pptx and the drivers
// use the browser; the middle (lex, split, render) does no I/O; and no file imports itself round a cycle. Prints each breach, exits 1 on any.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

/** Pipeline stages in data order, then the drivers that compose them; equal ranks never import each other. */
export const STAGES = { import: 1, load: 2, lex: 3, split: 4, render: 5, fit: 6, cache: 7, write: 8, pdf: 9, pptx: 9, build: 10, watch: 11, serve: 11, cli: 12, 'index.ts': 13 };
/** Imported by any module; import only each other. */
export const BASE = ['types.ts', 'errors.ts', 'diagnostics.ts', 'control-chars.ts', 'hash.ts', 'paths.ts', 'version.ts', 'i18n'];
/** The Chromium service: imports only the base; used by these. */
export const BROWSER_USERS = ['fit', 'pdf', 'pptx', 'build', 'watch', 'serve', 'cli', 'index.ts'];

/** The pure middle (and the importers): no disk, no processes, no network, no browser (they are passed what they need). */
export const PURE = ['import', 'lex', 'split', 'render', 'i18n'];
const RE_IO = /(?:^|\n)\s*import\s+(?!type\b)[^;]*?from\s*['"](node:(?:fs|fs\/promises|child_process|net|http|https)|puppeteer)['"]/g;

const RE_IMPORT = /(?:^|[^\w.])(?:import|export)\s[^;'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : e.endsWith('.ts') ? [p] : [];
  });
}

/** The top folder (or root file) of `file` under src/. */
function area(file) {
  return path.relative(src, file).split(path.sep)[0];
}

function imports(file) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const m of text.matchAll(RE_IMPORT)) {
    const spec = m[1] ?? m[2];
    found.push(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
  }
  return found;
}

function allowed(from, to) {
  if (from === to || BASE.includes(to)) return true;
  if (BASE.includes(from)) return false;
  if (to === 'browser') return BROWSER_USERS.includes(from);
  if (from === 'browser') return false;
  const a = STAGES[from];
  const b = STAGES[to];
  if (a === undefined || b === undefined) return false;
  return b < a;
}

function cycles(graph) {
  // Tarjan's strongly connected components; any with more than one file is a cycle.
  let index = 0;
  const stack = [];
  const meta = new Map();
  const found = [];
  const visit = (v) => {
    meta.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).on) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).on = false;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc);
    }
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return found;
}

export function checkLayers() {
  const problems = [];
  const graph = new Map();
  for (const file of files(src)) {
    const from = area(file);
    if (STAGES[from] === undefined && !BASE.includes(from) && from !== 'browser') problems.push(`${path.relative(root, file)}: src/${from} is in no stage of the order (scripts/check-layers.mjs)`);
    if (PURE.includes(from)) {
      for (const m of readFileSync(file, 'utf8').matchAll(RE_IO)) problems.push(`${path.relative(root, file)} imports ${m[1]}: ${from} is pure (load, write, browser and the outputs do the I/O)`);
    }
    const targets = imports(file);
    graph.set(file, targets);
    for (const target of targets) {
      const to = area(target);
      if (!allowed(from, to)) problems.push(`${path.relative(root, file)} imports ${path.relative(root, target)}: ${from} may not use ${to}`);
    }
  }
  for (const scc of cycles(graph)) problems.push(`import cycle: ${scc.map((f) => path.relative(root, f)).sort().join(', ')}`);
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkLayers();
  for (const p of problems) process.stdout.write(`${p}\n`);
  process.stdout.write(problems.length === 0 ? 'layers: every import follows the stage order; no cycles\n' : `layers: ${problems.length} problem(s)\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
