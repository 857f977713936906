import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

let session: BrowserSession;
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  session = workerBrowser();
  ({ dir, remove } = await tempDir());
  for (const name of ['chart.png', 'chart.svg', 'chart-wide.png']) await copyFile(fixture(name), path.join(dir, name));
});
afterAll(async () => {
  await remove();
});

interface Figure {
  /** The picture as drawn (object-fit: contain taken into account). */
  image: { x: number; y: number; w: number; h: number };
  /** Below the slide's header, above its footer, inside the side padding. */
  area: { x: number; y: number; w: number; h: number };
  natural: { w: number; h: number };
  bodyWidth: number;
  text: string;
}

/** Builds `body` as a brief and measures, in Chromium's print view, the first figure of the slides of section `slideId`. */
async function figureOn(name: string, body: string, slideId: string): Promise<{ figure: Figure; codes: string[]; overflow: number; lines: number[] }> {
  const file = path.join(dir, `${name}.md`);
  await writeFile(file, `---\ntitle: Figures\n---\n\n${body}`);
  const { deck, diagnostics, fit } = await composeDeck(file, { browser: session });
  const html = path.join(dir, `${name}.html`);
  await writeFile(html, deck.html);
  const figure = await session.withPage(async (page) => {
    await page.goto(`${pathToFileURL(html).href}?print-pdf`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-pdf-ready]');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page.evaluate((id) => {
      const section = Array.from(document.querySelectorAll(`section[id^="${id}"]`)).find((s) => s.querySelector('.bd-body img')) as HTMLElement;
      const img = section.querySelector('.bd-body img') as HTMLImageElement;
      const frame = (section.querySelector('.bd-frame') as HTMLElement).getBoundingClientRect();
      const header = (section.querySelector('.bd-header') as HTMLElement).getBoundingClientRect();
      const footer = (section.querySelector('.bd-footer') as HTMLElement).getBoundingClientRect();
      const pad = parseFloat(getComputedStyle(section.querySelector('.bd-frame') as HTMLElement).paddingLeft);
      const box = img.getBoundingClientRect();
      const k = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
      const [w, h] = [img.naturalWidth * k, img.naturalHeight * k];
      return {
        image: { x: box.left + (box.width - w) / 2, y: box.top + (box.height - h) / 2, w, h },
        area: { x: frame.left + pad, y: header.bottom, w: frame.width - 2 * pad, h: footer.top - header.bottom },
        natural: { w: img.naturalWidth, h: img.naturalHeight },
        bodyWidth: (section.querySelector('.bd-body') as HTMLElement).getBoundingClientRect().width,
        text: (section.querySelector('.bd-body') as HTMLElement).innerText,
      };
    }, slideId);
  });
  return { figure, codes: diagnostics.list.map((d) => d.code), overflow: fit.overflow, lines: diagnostics.list.filter((d) => d.code === 'image-attribute').map((d) => d.at?.line ?? 0) };
}

function centreX(b: { x: number; w: number }): number {
  return b.x + b.w / 2;
}

describe('a figure fills the free area of its slide', () => {
  for (const chart of ['chart-wide.png', 'chart.svg']) {
    it(`${chart} alone on its slide covers at least half the content area, centred`, async () => {
      const { figure, overflow } = await figureOn(`lone-${chart.replace('.', '-')}`, `## Storage\n\n![Gas storage, 2015–2023](${chart})\n`, 'storage');
      const { image, area } = figure;
      expect(overflow).toBe(0);
      expect((image.w * image.h) / (area.w * area.h)).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(centreX(image) - centreX(area))).toBeLessThan(2);
      // Centred on the height too: as much room above the picture as below its caption, within a caption's height.
      expect(image.y - area.y).toBeGreaterThan(0);
      expect(image.y + image.h).toBeLessThanOrEqual(area.y + area.h);
    });
  }

  it('never upscales a picture past its own pixels', async () => {
    const { figure } = await figureOn('tiny', '## Storage\n\n![A tiny chart](chart.png)\n', 'storage');
    expect(figure.image.w).toBeCloseTo(figure.natural.w, 0);
    expect(figure.image.h).toBeCloseTo(figure.natural.h, 0);
    expect(Math.abs(centreX(figure.image) - centreX(figure.area))).toBeLessThan(2);
  });

  it('beside a lead-in sentence, grows past the old 300 px cap and still fits', async () => {
    const { figure, overflow } = await figureOn('lead-in', '## Storage\n\nStorage rose every year since 2015.\n\n![Storage, TWh](chart-wide.png)\n', 'storage');
    expect(overflow).toBe(0);
    expect(figure.image.h).toBeGreaterThan(340);
  });

  it('honours {width=60%} and {width=300px}, printing no braces', async () => {
    const percent = await figureOn('percent', '## Storage\n\n![Storage, TWh](chart-wide.png){width=60%}\n', 'storage');
    expect(percent.figure.image.w).toBeCloseTo(percent.figure.bodyWidth * 0.6, 0);
    expect(percent.figure.text).not.toContain('{');
    const px = await figureOn('pixels', '## Storage\n\n![Storage, TWh](chart-wide.png){width=300px}\n', 'storage');
    expect(px.figure.image.w).toBeCloseTo(300, 0);
    expect(px.figure.image.h).toBeCloseTo(300 * (1000 / 1600), 0);
  });

  it('honours {height=300px} and {height=50%}, keeping the proportions', async () => {
    const { figure } = await figureOn('height', '## Storage\n\n![Storage, TWh](chart-wide.png){height=300px}\n', 'storage');
    expect(figure.image.h).toBeCloseTo(300, 0);
    expect(figure.image.w).toBeCloseTo(480, 0);
    const half = await figureOn('height-half', '## Storage\n\n![Storage, TWh](chart-wide.png){height=50%}\n', 'storage');
    // Half of the picture's row of the figure: the free area less the caption's line.
    expect(half.figure.image.h / half.figure.area.h).toBeGreaterThan(0.4);
    expect(half.figure.image.h / half.figure.area.h).toBeLessThanOrEqual(0.5);
  });

  it('warns at its line about an attribute it does not read, and never shows it', async () => {
    const { figure, codes, lines } = await figureOn('unknown', '## Storage\n\n![Storage, TWh](chart-wide.png){.wide fig-align=center}\n', 'storage');
    expect(codes).toContain('image-attribute');
    expect(lines).toEqual([7]);
    expect(figure.text).not.toMatch(/wide|fig-align|\{/);
  });
});
