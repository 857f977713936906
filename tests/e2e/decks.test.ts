import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { buildDeck, type BuildResult } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { words } from '../../src/lex/markdown.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { plainText } from '../../src/lex/markdown.js';
import { workerBrowser } from '../helpers/browser.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

const BRIEFS = [EXAMPLE, ...['long-table.md', 'long-list.md', 'huge-paragraph.md', 'code.md', 'images.md', 'nested-lists.md', 'non-latin.md', 'directives.md'].map(fixture), `${EXAMPLE} at 4:3`];

let session: BrowserSession;
let out: { dir: string; remove: () => Promise<void> };
const built = new Map<string, BuildResult>();

beforeAll(async () => {
  session = workerBrowser();
  out = await tempDir();
  for (const name of BRIEFS) {
    // The example once more on a 4:3 canvas, into its own output folder.
    const [file, aspect] = name.endsWith(' at 4:3') ? [EXAMPLE, '4:3' as const] : [name, undefined];
    built.set(name, await buildDeck(file, { outDir: aspect ? path.join(out.dir, '4x3') : out.dir, pdf: true, browser: session, aspect }));
  }
});

afterAll(async () => {
  await out?.remove();
});

function tally(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w.toLowerCase(), (m.get(w.toLowerCase()) ?? 0) + 1);
  return m;
}

/** Hyphenated words may wrap at their hyphen, so both sides are compared part by part. */
function parts(list: string[]): string[] {
  return list.flatMap((w) => w.split(/[-‐‑]+/)).filter(Boolean);
}

/** Words of `source` missing from `text`, counting repeats. */
function missing(source: string[], text: string[]): string[] {
  const have = tally(parts(text));
  return parts(source).filter((w) => {
    const n = have.get(w.toLowerCase()) ?? 0;
    have.set(w.toLowerCase(), n - 1);
    return n <= 0;
  });
}

async function openPrintView(page: Page, result: BuildResult): Promise<void> {
  await page.setViewport({ width: result.deck.size.width, height: result.deck.size.height });
  await page.goto(`${pathToFileURL(result.outputs[0]).href}?print-pdf`);
  await page.waitForSelector('html[data-pdf-ready]');
}

interface PrintView {
  sections: Array<{ id: string; bad: string[] }>;
  text: string;
}

const printViews = new Map<string, Promise<PrintView>>();

/**
 * Each deck's print view, opened once for the tests that read it: what reaches outside a slide
 * frame, and the text of its sections.
 */
function printView(file: string): Promise<PrintView> {
  let view = printViews.get(file);
  if (!view) printViews.set(file, (view = readPrintView(built.get(file)!)));
  return view;
}

function readPrintView(result: BuildResult): Promise<PrintView> {
  return session.withPage(async (page) => {
    await openPrintView(page, result);
    const sections = await page.$$eval('.reveal .slides section', (sections) =>
      sections.map((section) => {
        const frame = section.querySelector('.bd-frame')!.getBoundingClientRect();
        const footer = section.querySelector('.bd-footer')!.getBoundingClientRect();
        const limitBottom = section.querySelector('.bd-body, .bd-header') ? footer.top : frame.bottom;
        const bad: string[] = [];
        for (const el of Array.from(section.querySelectorAll('.bd-frame *:not(.bd-footer):not(.bd-footer *)'))) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.bottom > limitBottom + 1 || r.right > frame.right + 1 || r.left < frame.left - 1 || r.top < frame.top - 1) {
            bad.push(`${el.tagName}.${el.className} ${Math.round(r.bottom - limitBottom)}px below, ${Math.round(r.right - frame.right)}px right`);
          }
        }
        return { id: section.id, bad };
      }),
    );
    const text = await page.$$eval('.reveal .slides section', (sections) => sections.map((s) => s.textContent ?? '').join(' '));
    return { sections, text };
  });
}

describe.each(BRIEFS)('deck of %s in Chromium', (file) => {
  it('has one section per slide, and nothing reaches outside a slide frame', async () => {
    const result = built.get(file)!;
    const report = (await printView(file)).sections;
    expect(report.length).toBe(result.deck.slides.length);
    expect(report.map((s) => s.id)).toEqual(result.deck.slides.map((s) => s.id));
    expect(report.filter((s) => s.bad.length > 0)).toEqual([]);
  });

  it('shows every word of the brief on a slide or in its notes', async () => {
    const result = built.get(file)!;
    const { blocks } = lexBrief(result.deck.brief);
    const source = blocks.flatMap((b) => (b.directive?.kind === 'notes' ? words(b.directive.text) : b.directive ? [] : words(plainText(b.token))));
    const { text } = await printView(file);
    expect(missing(source, words(text))).toEqual([]);
  });

  it('prints a PDF with one page per slide, the title in its metadata and the slides\' words in its text', async () => {
    const result = built.get(file)!;
    const pdf = await readPdf(result.outputs[1]);
    expect(pdf.pages).toBe(result.deck.slides.length);
    expect(pdf.info.Title).toBe(result.deck.brief.meta.title);
    expect(pdf.sizes.every((s) => Math.abs(s.width / s.height - result.deck.size.width / result.deck.size.height) < 0.01)).toBe(true);
    result.slides.forEach((slide, i) => {
      const slideWords = slide.blocks.flatMap((b) => words(plainText(b.token)));
      expect(missing(slideWords, words(pdf.text[i])), `page ${i + 1} (${slide.id})`).toEqual([]);
    });
  });
});

describe('speaker view', () => {
  it('opens with S and shows the current slide\'s notes', async () => {
    const result = built.get(fixture('directives.md'))!;
    const notes = await session.withPage(async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${pathToFileURL(result.outputs[0]).href}#/first`);
      await page.waitForSelector('html[data-deck-ready]');
      const browser = page.browser();
      const popup = browser.waitForTarget((t) => t.opener() === page.target());
      await page.keyboard.press('s');
      const speaker = (await (await popup).page())!;
      try {
        await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes')?.textContent?.includes('provisional'));
        return await speaker.$eval('.speaker-controls-notes', (el) => el.textContent ?? '');
      } finally {
        await speaker.close();
      }
    });
    expect(notes).toContain('Say that the figures are provisional.');
  });

  it('keeps notes out of the slides themselves', async () => {
    const result = built.get(fixture('directives.md'))!;
    const pdf = await readPdf(result.outputs[1]);
    expect(pdf.text.join(' ')).not.toContain('provisional');
    expect(path.basename(result.outputs[1])).toBe('directives.pdf');
  });
});
