import { writeFile } from 'node:fs/promises';
import type { Diagnostics } from '../diagnostics.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { exportHandout } from '../pdf/export-handout.js';
import { exportPdf } from '../pdf/export-pdf.js';
import { loadHandout } from '../load/load-handout.js';
import { TEMPLATES_DIR } from '../paths.js';
import { paperFor } from '../render/handout-geometry.js';
import { renderDeck } from '../render/render-deck.js';
import { renderHandout } from '../render/render-handout.js';
import type { Deck, RenderInput } from '../types.js';
import type { Staging } from '../write/stage-outputs.js';
import type { PrintOptions } from './options.js';

export interface PrintJob {
  deck: Deck;
  input: RenderInput;
  /** The deck as written (index.html in the staging folder). */
  htmlPath: string;
  staging: Staging;
  browser: BrowserSession;
  diagnostics: Diagnostics;
}

/** Page sources that are printed but not kept: they stay in the staging folder, which is removed. */
async function scratch(job: PrintJob, name: string, html: string): Promise<string> {
  const file = job.staging.pathOf(name);
  await writeFile(file, html);
  return file;
}

/** Prints the slide PDF, the handout and the PowerPoint file that `options` ask for, into the staging folder. */
export async function printOutputs(job: PrintJob, options: PrintOptions): Promise<void> {
  const { deck, staging, browser, diagnostics } = job;
  const name = deck.brief.name;
  // The user's templates folder, as the deck was made with it (trusted or not); the built-ins from their own folder.
  const templates = options.handout || options.notes ? await loadHandout(TEMPLATES_DIR, job.input.templates.user) : undefined;
  if (options.pdf) {
    const source = options.stripNotes && options.notes ? await scratch(job, '.print-deck.html', renderDeck(job.input).html) : job.htmlPath;
    await exportPdf(browser, source, staging.pathOf(`${name}.pdf`), deck, diagnostics, { notes: options.notes, notesPageCss: templates?.notesPageCss });
    staging.add(`${name}.pdf`);
  }
  if (options.handout && templates) {
    const meta = deck.brief.meta;
    const paper = options.paper ?? meta.paper ?? paperFor(meta.lang);
    const html = renderHandout(job.input, templates, { layout: options.handoutLayout ?? 'notes', paper });
    const source = await scratch(job, '.print-handout.html', html);
    await exportHandout(browser, source, staging.pathOf(`${name}-handout.pdf`), deck, diagnostics);
    staging.add(`${name}-handout.pdf`);
  }
  if (options.pptx) {
    const { writePptx } = await import('../pptx/write-pptx.js');
    await writePptx({ deck, input: job.input, staging, browser, diagnostics }, { images: options.pptxImages });
  }
}
