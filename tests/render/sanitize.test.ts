import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import { sanitize } from '../../src/render/sanitize.js';
import { tempDir } from '../helpers/fixtures.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

describe('sanitize', () => {
  it('drops scripts, event handlers and javascript: links', () => {
    const html = sanitize('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(2)">b</a><img src=x onerror=alert(3)></p><iframe src="https://e.org"></iframe>', new Map());
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(html).toContain('<p>a<a>b</a>');
  });

  it('keeps external links clickable and opens them in a new tab', () => {
    expect(sanitize('<a href="https://example.org/r">r</a>', new Map())).toBe('<a href="https://example.org/r" target="_blank" rel="noopener noreferrer">r</a>');
  });

  it('puts a visible placeholder where a local image is missing', () => {
    expect(sanitize('<img src="gone.png" alt="Chart">', new Map())).toBe('<span class="bd-missing-image" role="img" aria-label="Chart">[image: Chart]</span>');
  });
});

describe('templates escape brief text', () => {
  it('front matter and headings cannot inject markup', async () => {
    const tmp = await tempDir();
    try {
      const file = path.join(tmp.dir, 'evil.md');
      await writeFile(file, '---\ntitle: "<script>alert(1)</script>"\nsubtitle: "\\"><img src=x onerror=alert(2)>"\n---\n\n## <img src=x onerror=alert(3)> Heading\n\nText.\n');
      const { deck } = await composeDeck(file, { diagnostics: new Diagnostics() });
      const body = deck.html.slice(deck.html.indexOf('<body>'), deck.html.indexOf('<script>'));
      expect(body).not.toMatch(/<script>alert|onerror=/);
      expect(deck.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    } finally {
      await tmp.remove();
    }
  });
});
