import { createRequire } from 'node:module';
import type { Tokens } from 'marked';

/** The parts of highlight.js used here (its core, without the 190 languages of the full build). */
interface Highlighter {
  registerLanguage(name: string, language: unknown): void;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
}

const require = createRequire(import.meta.url);

/**
 * The common languages, by every name a fence may give them. Each is loaded the first time a brief
 * uses it (a few milliseconds), highlight.js itself the first time any is: a deck without code
 * pays nothing. Written out, not computed, so a bundler can see every module.
 */
const LANGUAGES: Record<string, () => unknown> = {
  bash: () => require('highlight.js/lib/languages/bash'),
  c: () => require('highlight.js/lib/languages/c'),
  cpp: () => require('highlight.js/lib/languages/cpp'),
  csharp: () => require('highlight.js/lib/languages/csharp'),
  css: () => require('highlight.js/lib/languages/css'),
  diff: () => require('highlight.js/lib/languages/diff'),
  go: () => require('highlight.js/lib/languages/go'),
  ini: () => require('highlight.js/lib/languages/ini'),
  java: () => require('highlight.js/lib/languages/java'),
  javascript: () => require('highlight.js/lib/languages/javascript'),
  json: () => require('highlight.js/lib/languages/json'),
  markdown: () => require('highlight.js/lib/languages/markdown'),
  powershell: () => require('highlight.js/lib/languages/powershell'),
  python: () => require('highlight.js/lib/languages/python'),
  r: () => require('highlight.js/lib/languages/r'),
  rust: () => require('highlight.js/lib/languages/rust'),
  sql: () => require('highlight.js/lib/languages/sql'),
  typescript: () => require('highlight.js/lib/languages/typescript'),
  xml: () => require('highlight.js/lib/languages/xml'),
  yaml: () => require('highlight.js/lib/languages/yaml'),
};

const ALIASES: Record<string, string> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', 'c++': 'cpp', cc: 'cpp', h: 'c', cs: 'csharp', 'c#': 'csharp',
  golang: 'go', toml: 'ini', js: 'javascript', jsx: 'javascript', mjs: 'javascript', md: 'markdown', ps1: 'powershell', ps: 'powershell',
  py: 'python', rs: 'rust', ts: 'typescript', tsx: 'typescript', html: 'xml', svg: 'xml', yml: 'yaml', patch: 'diff',
};

let core: Highlighter | undefined;
const registered = new Set<string>();

function highlighter(language: string): Highlighter {
  core ??= require('highlight.js/lib/core') as Highlighter;
  if (!registered.has(language)) {
    core.registerLanguage(language, LANGUAGES[language]());
    registered.add(language);
  }
  return core;
}

/** The language a fence names (`python`, `py`, `{.python}` aside), if it is one of the common ones. */
export function languageOf(info: string | undefined): string | undefined {
  const name = (info ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const known = ALIASES[name] ?? name;
  return Object.hasOwn(LANGUAGES, known) ? known : undefined;
}

/**
 * A fenced block in a known language, highlighted into `hljs-*` classes that the theme colours
 * (`--bd-code-*`): no script in the deck, nothing from the network. Undefined for any other code,
 * which marked renders as it is.
 */
export function highlightedCode(token: Tokens.Code): string | undefined {
  const language = languageOf(token.lang);
  if (!language) return undefined;
  let value: string;
  try {
    value = highlighter(language).highlight(token.text, { language, ignoreIllegals: true }).value;
  } catch {
    return undefined;
  }
  const name = (token.lang ?? '').trim().split(/\s+/)[0].replace(/[^\w+#.-]/g, '');
  return `<pre><code class="hljs language-${name}">${value}\n</code></pre>\n`;
}
