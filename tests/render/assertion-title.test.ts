import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { plainText } from '../../src/lex/markdown.js';
import { tempDir } from '../helpers/fixtures.js';

const BRIEF = `---
title: T
---

We judge one thing. We judge another. And a third.

## Security

<!-- title: Russia stays Central Asia's security guarantor -->
<!-- gist: Moscow keeps the lead on security -->
Russia will remain the most important security guarantor in Central Asia. It leads the CSTO.

China focuses on its own borders. Its involvement is selective.

## Economy

China can offer far more than Russia. Investment waits for stability.
`;

describe('assertion titles (<!-- title: … -->)', () => {
  it('title the slide with the sentence, the section heading above it as a kicker; ids and agenda keep the heading', async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = path.join(dir, 'a.md');
      await writeFile(file, BRIEF);
      for (const mode of ['condensed', 'full'] as const) {
        const { slides, deck } = await composeDeck(file, { fit: false, mode });
        const security = slides.find((s) => s.title === 'Security' && s.kind === 'content');
        expect(security, mode).toMatchObject({ assertion: "Russia stays Central Asia's security guarantor", id: 'security' });
        const html = deck.slides.find((s) => s.id === 'security')?.bodyHtml ?? '';
        expect(deck.html).toMatch(/<p class="bd-kicker">Security<\/p>\s*<h2 class="bd-heading">Russia stays Central Asia(?:&#39;|&#x27;|')s security guarantor<\/h2>/);
        // The directive is never shown as text, and the gist after it still gives the bullet.
        expect(html).not.toContain('title:');
        if (mode === 'condensed') expect(security?.blocks.map((b) => plainText(b.token))).toContain('Moscow keeps the lead on security');
        // A slide without its own assertion keeps the heading as its title.
        expect(deck.html).toMatch(/<h2 class="bd-heading">Economy<\/h2>/);
      }
    } finally {
      await remove();
    }
  });
});
