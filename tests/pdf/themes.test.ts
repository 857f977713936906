import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { THEMES } from '../../src/load/read-meta.js';
import { initProject } from '../../src/write/write-new-files.js';
import { workerBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CUSTOM = '.briefdeck {\n  --bd-primary: #6b1d2a;\n  --bd-accent: #c9a227;\n  --bd-link: #6b1d2a;\n}\n';

let session: BrowserSession;
let root: string;
let remove: () => Promise<void>;
let example: string;

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
  passes: Array<{ id: string; nodes: unknown[] }>;
}

/** axe-core's WCAG 2 A and AA rules, colour contrast among them, over every slide at once: the print view shows them all. */
async function contrast(htmlFile: string): Promise<{ violations: string[]; checked: number; headingColour: string }> {
  return session.withPage(async (page) => {
    await page.goto(`${pathToFileURL(htmlFile).href}?print-pdf`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-pdf-ready]');
    await page.evaluate(() => document.fonts.ready);
    // Through CDP, which the deck's Content-Security-Policy does not govern (a <script> tag it would refuse).
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      }),
    )) as AxeResult;
    const headingColour = await page.$eval('.bd-title-heading', (el) => getComputedStyle(el).color);
    return {
      violations: result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)),
      checked: result.passes.filter((p) => p.id === 'color-contrast').reduce((sum, p) => sum + p.nodes.length, 0),
      headingColour,
    };
  });
}

beforeAll(async () => {
  session = workerBrowser();
  ({ dir: root, remove } = await tempDir());
  await initProject(root);
  example = path.join(root, 'content', 'example.md');
  await writeFile(path.join(root, 'brand.css'), CUSTOM);
});
afterAll(async () => {
  await remove();
});

describe('themes', () => {
  const cases = [...THEMES.map((t) => [t, t] as const), ['custom', 'brand.css'] as const];
  it.each(cases)('%s: builds the example deck and PDF, and passes axe-core (WCAG 2 AA, colour contrast included) on every slide', async (name, theme) => {
    const result = await buildDeck(example, {
      theme: theme.endsWith('.css') ? path.join(root, theme) : theme,
      outDir: path.join(root, `dist-${name}`),
      pdf: true,
      browser: session,
    });
    expect(result.diagnostics.list).toEqual([]);
    const pdf = await readPdf(result.outputs.find((o) => o.endsWith('.pdf'))!);
    expect(pdf.pages).toBe(result.deck.slides.length);
    expect(pdf.text[0]).toContain('Example Briefing');
    // The banner is letter-spaced, so pdf.js reads its letters apart.
    for (const page of pdf.text) expect(page.replace(/\s+/g, '')).toContain('OFFICIAL');

    const { violations, checked, headingColour } = await contrast(result.outputs.find((o) => o.endsWith('index.html'))!);
    expect(violations).toEqual([]);
    // Every slide has a footer and a banner, so axe must have checked far more than a handful of texts.
    expect(checked).toBeGreaterThan(result.deck.slides.length * 4);
    if (name === 'custom') expect(headingColour).toBe('rgb(107, 29, 42)');
    if (name === 'dark') expect(headingColour).toBe('rgb(255, 255, 255)');
  });

  it('catches a user theme whose grey text is too faint', async () => {
    await writeFile(path.join(root, 'faint.css'), '.briefdeck { --bd-muted: #b4b4b4; }\n');
    const result = await buildDeck(example, { theme: path.join(root, 'faint.css'), outDir: path.join(root, 'dist-faint') });
    const { violations } = await contrast(result.outputs.find((o) => o.endsWith('index.html'))!);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(/^color-contrast .*(?:bd-subtitle|bd-footer)/m);
  });
});
