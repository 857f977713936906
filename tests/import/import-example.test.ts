import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { importText } from '../../src/import/import-text.js';
import { visibleText } from '../helpers/lost-words.js';
import { EXAMPLE, fixture } from '../helpers/fixtures.js';

// The example brief arrived as this plain text; content/russia-china-afghanistan.md was made from it by hand.
const TEXT = fixture('import/brief-russia-china-afghanistan.txt');

/** A Markdown brief's body: after the front matter, without comments. */
function body(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, '').trim();
}

/** Its blocks: headings, paragraphs and list items, one per line of text. */
function blocks(markdown: string): string[] {
  return body(markdown).split('\n').filter((l) => l.trim() !== '');
}

function tally(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

async function imported(): Promise<string> {
  return importText(await readFile(TEXT, 'utf8'), 'brief-russia-china-afghanistan.txt')!.markdown;
}

describe('importing the example brief from its plain text', () => {
  it('gives the hand-made brief: the same headings, blocks and words', async () => {
    const [made, byHand] = [await imported(), await readFile(EXAMPLE, 'utf8')];
    const headings = (md: string) => blocks(md).filter((b) => b.startsWith('## '));
    expect(headings(made)).toEqual(headings(byHand));
    expect(headings(made)).toHaveLength(4);
    expect(blocks(made)).toHaveLength(26);
    expect(blocks(made).map((b) => b.slice(0, 2))).toEqual(blocks(byHand).map((b) => b.slice(0, 2)));
    expect(tally(body(made))).toEqual(tally(body(byHand)));
    expect(body(made)).toBe(body(byHand));
  });

  it('guesses front matter and names its source', async () => {
    const made = await imported();
    expect(made).toMatch(/^---\ntitle: "Russia and China are seen as the main beneficiaries of the Western withdrawal from Afghanistan"\nlang: en\n---\n/);
    expect(made).toContain('<!-- imported from brief-russia-china-afghanistan.txt by briefdeck import -->');
  });

  it('builds the same deck as the hand-made brief, the title slide apart', async () => {
    const [fromText, byHand] = [await composeDeck(TEXT, { fit: false, mode: 'full' }), await composeDeck(EXAMPLE, { fit: false, mode: 'full' })];
    const text = (slides: typeof byHand.deck.slides) => slides.filter((s) => s.kind !== 'title').map((s) => `${s.kind}: ${s.title} | ${visibleText(s.bodyHtml).replace(/\s+/g, ' ').trim()}`);
    expect(fromText.deck.slides).toHaveLength(byHand.deck.slides.length);
    expect(text(fromText.deck.slides)).toEqual(text(byHand.deck.slides));
    expect(fromText.diagnostics.errors).toEqual([]);
  });
});
