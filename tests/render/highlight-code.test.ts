import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { languageOf } from '../../src/render/highlight-code.js';
import { renderBlocks } from '../../src/render/render-markdown.js';
import { lexMarkdown } from '../../src/lex/markdown.js';
import { toBlocks } from '../../src/lex/lex-brief.js';
import { ROOT, fixture } from '../helpers/fixtures.js';

function render(markdown: string): string {
  return renderBlocks(toBlocks(lexMarkdown(markdown), 1), new Map());
}

describe('code highlighting', () => {
  it('marks a known language up in hljs classes that survive the sanitizer', () => {
    const html = render('```python\ndef run():\n    return "x"  # done\n```');
    expect(html).toContain('<code class="hljs language-python">');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-string">"x"</span>');
    expect(html).toContain('<span class="hljs-comment"># done</span>');
    // Sub-scopes (`function_`) are not in the allowlist: only the hljs-* class stays.
    expect(html).toContain('<span class="hljs-title">run</span>');
  });

  it('knows the common names of a language, and leaves other code as written', () => {
    expect(['py', 'sh', 'yml', 'ts', 'html', 'c++', 'toml'].map(languageOf)).toEqual(['python', 'bash', 'yaml', 'typescript', 'xml', 'cpp', 'ini']);
    expect(languageOf('brainfuck')).toBeUndefined();
    expect(render('```brainfuck\n+[>+<-]\n```')).toBe('<pre><code class="language-brainfuck">+[&gt;+&lt;-]\n</code></pre>\n');
    expect(render('```\nplain <b>text</b>\n```')).toBe('<pre><code>plain &lt;b&gt;text&lt;/b&gt;\n</code></pre>\n');
  });

  it('adds no script to the deck: the colours are the theme\'s CSS', async () => {
    const { deck } = await composeDeck(fixture('code.md'), { fit: false });
    const code = deck.slides.find((s) => s.bodyHtml.includes('hljs'));
    expect(code?.bodyHtml).toContain('hljs-keyword');
    const { deck: plain } = await composeDeck(fixture('long-list.md'), { fit: false });
    expect(deck.html.match(/<script/g)?.length).toBe(plain.html.match(/<script/g)?.length);
  });

  it('is coloured by every built-in theme', () => {
    const names = ['keyword', 'string', 'comment', 'number', 'title', 'type', 'deletion'];
    for (const theme of ['institutional', 'dark', 'contrast']) {
      const css = readFileSync(path.join(ROOT, 'templates', 'themes', `${theme}.css`), 'utf8');
      for (const name of names) expect(css, `${theme} --bd-code-${name}`).toMatch(new RegExp(`--bd-code-${name}:\\s*#[0-9a-f]{6};`));
    }
  });
});
