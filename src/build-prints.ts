import { writeFile } from 'node:fs/promises';
import type { Diagnostics } from './diagnostics.js';
import type { BrowserSession } from './export/browser-session.js';
import { exportHandout } from './export/export-handout.js';
import { exportPdf } from './export/export-pdf.js';
import { loadHandout } from './load/load-handout.js';
import { TEMPLATES_DIR } from './load/load-assets.js';
import { paperFor, type HandoutLayout } from './render/handout-geometry.js';
import { renderDeck, type RenderInput } from './render/render-deck.js';
import { renderHandout } from './render/render-handout.js';
import type { Deck, Paper } from './types.js';
import type { Staging } from './write/stage-outputs.js';

/** What goes into the PDFs, and how; the CLI's --pdf, --notes, --handout, --handout-layout and --paper. */
export interface PrintOptions {
  pdf?: boolean;
  /** Each slide's notes on a page of their own after it, in the slide PDF. */
  notes?: boolean;
  /** The written HTML has no notes; the PDFs are printed from a full copy that is not kept. */
  stripNotes?: boolean;
  /** Also write `<name>-handout.pdf`. */
  handout?: boolean;
  handoutLayout?: HandoutLayout;
  /** Paper for the handout; else the front matter's `paper`, else by `lang`. */
  paper?: Paper;
  /** Also write `<name>.pptx`, editable, laid out as the deck (see src/pptx/). */
  pptx?: boolean;
  /** With `pptx`: the .pptx holds a picture of each slide instead of editable shapes. */
  pptxImages?: boolean;
}

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

/** Prints the slide PDF and the handout that `options` ask for, into the staging folder. */
export async function printOutputs(job: PrintJob, options: PrintOptions): Promise<void> {
  const { deck, staging, browser, diagnostics } = job;
  const name = deck.brief.name;
  // A `--templates` folder is TemplateSources.dir; the built-ins are read from their own folder.
  const userDir = job.input.templates.dir === TEMPLATES_DIR ? undefined : job.input.templates.dir;
  const templates = options.handout || options.notes ? await loadHandout(TEMPLATES_DIR, userDir) : undefined;
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
    const { writePptx } = await import('./pptx/write-pptx.js');
    await writePptx({ deck, input: job.input, staging, browser, diagnostics }, { images: options.pptxImages });
  }
}
