import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/build-deck.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { Rebuilder, type Phase } from '../../src/watch/rebuilder.js';
import { testBrowser } from '../helpers/browser.js';
import { fixtureCopy } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

let session: BrowserSession;
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  session = testBrowser();
  ({ dir, remove } = await fixtureCopy('serve'));
});
afterAll(async () => {
  await session.close();
  await remove();
});

describe('Rebuilder with PDFs (build --watch --pdf)', () => {
  it('rebuilds the deck first and its PDF after, and the PDF shows the edit', async () => {
    const brief = path.join(dir, 'content', 'brief.md');
    const order: Array<[Phase, boolean]> = [];
    const failures: string[] = [];
    const rebuilder = new Rebuilder({
      inputs: [brief],
      build: { outDir: path.join(dir, 'dist'), pdf: true, browser: session },
      events: {
        built: (r: BuildResult, phase: Phase) => void order.push([phase, r.skipped]),
        failed: (_f, e) => void failures.push(e.describe()),
        removed: () => undefined,
      },
    });
    await rebuilder.list();
    await rebuilder.buildAll();
    expect(failures).toEqual([]);
    // The deck phase writes the deck; the PDF phase prints it (and finds the deck unchanged).
    expect(order).toEqual([['html', false], ['pdf', false]]);
    const pdf = path.join(dir, 'dist', 'brief', 'brief.pdf');
    expect((await readPdf(pdf)).pages).toBe(7);
    order.length = 0;
    await writeFile(brief, (await readFile(brief, 'utf8')).replace('MARKER-ONE', 'MARKER-PDF'));
    await rebuilder.onChanges([{ kind: 'change', file: brief }]);
    await rebuilder.idle();
    expect(order).toEqual([['html', false], ['pdf', false]]);
    expect((await readPdf(pdf)).text.join(' ')).toContain('MARKER-PDF');
    order.length = 0;
    // Nothing changed: both phases are skipped, and the PDF stays as it is.
    await rebuilder.onChanges([{ kind: 'change', file: brief }]);
    await rebuilder.idle();
    expect(order).toEqual([['html', true], ['pdf', true]]);
  });

  it('cancels a PDF export when an edit arrives, and prints the PDF of the newer brief', async () => {
    const brief = path.join(dir, 'content', 'brief.md');
    const folder = path.join(dir, 'dist', 'brief');
    const order: Phase[] = [];
    const rebuilder: Rebuilder = new Rebuilder({
      inputs: [brief],
      build: { outDir: path.join(dir, 'dist'), pdf: true, browser: session },
      events: { built: (_r, phase) => void order.push(phase), failed: (_f, e) => void order.push(e.describe() as Phase), removed: () => undefined },
    });
    await rebuilder.list();
    const text = await readFile(brief, 'utf8');
    await writeFile(brief, text.replace(/MARKER-\w+/, 'MARKER-FIRST'));
    rebuilder.request([brief]);
    // Once the deck is built, the PDF export runs in a staging folder; edit while it does.
    while (order.length === 0) await new Promise((r) => setTimeout(r, 5));
    while (!(await readdir(folder)).some((f) => f.startsWith('.briefdeck-tmp-'))) await new Promise((r) => setTimeout(r, 5));
    const launches = session.stats.launches;
    await writeFile(brief, text.replace(/MARKER-\w+/, 'MARKER-SECOND'));
    rebuilder.request([brief]);
    await rebuilder.idle();
    expect(order).toEqual(['html', 'html', 'pdf']);
    // Only the stale export's page was closed: the browser (and what it measured) stayed.
    expect(session.stats.launches).toBe(launches);
    const pdf = (await readPdf(path.join(folder, 'brief.pdf'))).text.join(' ');
    expect(pdf).toContain('MARKER-SECOND');
    expect(await readdir(folder)).not.toContainEqual(expect.stringMatching(/^\.briefdeck-tmp-/));
  });
});
