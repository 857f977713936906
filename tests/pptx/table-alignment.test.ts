import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { workerBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/fixtures.js';
import { readPptx } from '../helpers/pptx.js';

let session: BrowserSession;
let temp: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  session = workerBrowser();
  temp = await tempDir();
});
afterAll(async () => {
  await temp.remove();
});

const BRIEF = `---
title: Alignment
---

## Storage by country

| Country | Capacity (TWh) | Share |
|:--------|---------------:|:-----:|
| Germany | 245.5 | 23 % |
| Italy | 197.1 | 18 % |
`;

/** Each table cell's alignment in the .pptx, by its text. */
function cellAligns(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cell of xml.matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)) {
    const text = Array.from(cell[0].matchAll(/<a:t>([^<]*)<\/a:t>/g), (m) => m[1]).join('');
    const align = /algn="(\w+)"/.exec(cell[0])?.[1];
    if (text && align) out[text] = align;
  }
  return out;
}

describe('GFM column alignment in the .pptx', () => {
  it('keeps |---:| right-aligned and |:---:| centred, as the deck shows them', async () => {
    const file = path.join(temp.dir, 'align.md');
    await writeFile(file, BRIEF);
    await buildDeck(file, { outDir: path.join(temp.dir, 'out'), pptx: true, browser: session });
    const pptx = await readPptx(path.join(temp.dir, 'out', 'align', 'align.pptx'));
    const slide = pptx.slides.find((s) => s.xml.includes('<a:tbl>'));
    expect(slide).toBeDefined();
    expect(cellAligns(slide!.xml)).toMatchObject({ Country: 'l', Germany: 'l', 'Capacity (TWh)': 'r', '245.5': 'r', '197.1': 'r', Share: 'ctr', '23 %': 'ctr' });
  });
});
