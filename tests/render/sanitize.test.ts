import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import { BRIEF_CLASSES, sanitize } from '../../src/render/sanitize.js';
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

describe('sanitize: no slides, notes or furniture from a brief', () => {
  it('writes a <section> as a plain block, its words kept: it is never a slide of its own', () => {
    expect(sanitize('<section data-background="red"><p>Kept words</p></section>', new Map())).toBe('<div><p>Kept words</p></div>');
    expect(sanitize('<section><section>Nested</section></section>', new Map())).toBe('<div><div>Nested</div></div>');
  });

  it('writes an <aside> as a plain block: never notes that survive --strip-notes', () => {
    expect(sanitize('<aside class="notes">Said aloud</aside>', new Map())).toBe('<div>Said aloud</div>');
    expect(sanitize('<ASIDE class="NOTES">Loud</ASIDE>', new Map())).toBe('<div>Loud</div>');
  });

  it.each([
    'slide-background', 'controls', 'fragment', 'notes', 'present', 'past', 'future', 'stack', 'backgrounds', 'progress', 'slides', 'reveal', 'pdf-page', 'speaker-notes-pdf',
    'bd-classification-top', 'bd-classification-bottom', 'bd-footer', 'bd-frame', 'bd-title-band', 'bd-section', 'bd-notes-page-label', 'has-classification', 'r-stretch', 'hidden',
  ])('drops the furniture class %s (and keeps the element and its words)', (name) => {
    expect(sanitize(`<p class="${name}">Words</p><span class="x ${name} y">More</span>`, new Map())).toBe('<p>Words</p><span>More</span>');
  });

  it('keeps the classes of the allow-list, and only those', () => {
    expect(BRIEF_CLASSES.some((c) => /^(?:bd-(?:footer|classification|frame|title)|fragment|notes|controls|slide-background)/.test(c))).toBe(false);
    expect(sanitize('<figure class="bd-figure fragment">x</figure>', new Map())).toBe('<figure class="bd-figure">x</figure>');
    expect(sanitize('<pre><code class="language-ts">x</code></pre>', new Map())).toBe('<pre><code class="language-ts">x</code></pre>');
  });

  it('keeps the classes the renderer writes itself (figures, footnotes, continued lists)', async () => {
    const tmp = await tempDir();
    try {
      const file = path.join(tmp.dir, 'x.md');
      await writeFile(file, '---\ntitle: T\n---\n\n## One\n\nText[^a].\n\n![Chart](gone.png)\n\n```ts\nlet a;\n```\n\n[^a]: A note.\n');
      const { deck } = await composeDeck(file, { diagnostics: new Diagnostics() });
      for (const name of ['bd-fn-ref', 'bd-footnotes', 'bd-figure', 'language-ts']) expect(deck.html).toContain(name);
    } finally {
      await tmp.remove();
    }
  });

  it('--allow-html (trusted) keeps what the brief wrote', () => {
    expect(sanitize('<section class="fragment">x</section>', new Map(), true)).toBe('<section class="fragment">x</section>');
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
