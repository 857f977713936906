import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../src/import/import-html.js';
import { fixture } from '../helpers/fixtures.js';

describe('HTML to Markdown', () => {
  it('takes the article of a page, its title, author and language, and leaves the site out', () => {
    const { markdown, found } = importHtml(readFileSync(fixture('import/policy-page.html'), 'utf8'), 'policy-page.html');
    expect(markdown).toMatch(/^---\ntitle: "Policy memo on water"\nauthor: "Jane Roe"\nlang: en\n---\n\n<!-- imported from policy-page\.html by briefdeck import -->\n/);
    expect(markdown).toContain('\n## Options\n\n- Build a dam | or not\n- Ration water in summer months\n');
    expect(markdown).toContain('| Rationing | low  |');
    expect(markdown).not.toMatch(/Home|About|Copyright|evil|javascript|onerror|# Policy memo/);
    expect(found).toMatchObject({ heading: 1, item: 2, table: 1 });
  });

  it('reads a fragment as it is: headings, footnotes, and text that looks like Markdown stays text', () => {
    const html = '<h2>Findings</h2><p>Costs rose<sup><a href="#fn1">1</a></sup> by *half* and <code>x</code> 1. too.</p><ol><li>first</li><li>second</li></ol>';
    const { markdown } = importHtml(html, 'f.html');
    expect(markdown).toContain('\n## Findings\n');
    expect(markdown).toContain('by \\*half\\* and `x` 1. too.');
    expect(markdown).toContain('\n1. first\n2. second\n');
  });

  it('runs and fetches nothing: scripts, styles, frames and unsafe links are dropped, their text never kept as HTML', () => {
    const html = '<p>Safe <a href="javascript:alert(1)">link</a> <img src="data:text/html;base64,PHNjcmlwdD4=" alt="pic"></p><script>alert(1)</script><style>p{}</style><iframe src="https://example.org"></iframe><p>&lt;script&gt;alert(2)&lt;/script&gt;</p>';
    const { markdown } = importHtml(html, 'x.html');
    expect(markdown).toContain('Safe link pic');
    expect(markdown).toContain('\\<script>alert(2)\\</script>');
    expect(markdown).not.toMatch(/javascript:|data:|alert\(1\)|iframe|p\{\}/);
  });

  it('refuses a page with no article, and one with no text, located at the file', () => {
    expect(() => importHtml(readFileSync(fixture('import/no-article.html'), 'utf8'), 'no-article.html')).toThrow(/^no article found in this web page/);
    expect(() => importHtml('<p> </p>', 'blank.html')).toThrow(/^the web page has no text/);
  });
});
