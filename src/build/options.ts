import type { BrowserSession } from '../browser/browser-session.js';
import type { Diagnostics } from '../diagnostics.js';
import type { MeasureMemo } from '../fit/measure-memo.js';
import type { MetaOverrides } from '../load/read-meta.js';
import type { HandoutLayout } from '../render/handout-geometry.js';
import type { Paper } from '../types.js';

/** What the deck is made from and how, over the brief's front matter and config. */
export interface DeckOptions extends MetaOverrides {
  /** `--config FILE`; else the nearest briefdeck.config.{json,yaml,yml} above the brief. */
  config?: string;
  /** `--templates DIR`: partials here win over the built-ins (over `templates:` in the config). */
  templates?: string;
  /** Keep raw HTML unsanitized (trusted briefs only). */
  allowHtml?: boolean;
  /** Download and embed http(s) images instead of showing a placeholder. */
  fetchRemote?: boolean;
  /** Every warning about the brief is an error; nothing is written. */
  strict?: boolean;
}

/** How the slides are fitted: measured in a browser, or packed by the word budget alone. */
export interface FitOptions {
  /** Measure the slides in `browser` and split again what overflows (default true). */
  fit?: boolean;
  browser?: BrowserSession;
  /** What was measured before in this run or watch session (a new memo when absent). */
  memo?: MeasureMemo;
}

/** What goes into the PDFs, and how; the CLI's --pdf, --notes, --handout, --handout-layout and --paper. */
export interface PrintOptions {
  /** Also print `<name>.pdf` (needs `browser`). */
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
  /** Also write `<name>.pptx`, editable, laid out as the deck (see src/pptx/); undefined: the config decides. */
  pptx?: boolean;
  /** With `pptx`: the .pptx holds a picture of each slide instead of editable shapes. */
  pptxImages?: boolean;
}

/** Whether to write the .pptx, and as pictures: `--pptx` or `--pptx-images` win; left open (undefined), the config file decides. */
export function pptxWanted(options: PrintOptions, configured: boolean | 'images' | undefined): { pptx: boolean; images: boolean } {
  const images = options.pptxImages ?? (options.pptx === undefined && configured === 'images');
  return { pptx: Boolean(options.pptx ?? (images || configured)), images };
}

/** Where the outputs go and when they are written. */
export interface WriteOptions {
  /** Output root; each brief goes to `<outDir>/<name>/`. Default `dist`. */
  outDir?: string;
  /** Rebuild even up-to-date decks; write into a folder briefdeck did not create, and over files changed since it wrote them. */
  force?: boolean;
  /** Aborted on Ctrl-C: nothing is committed after it. */
  signal?: AbortSignal;
}

/** The library's options for one brief: every group above, and the collector of what it has to say. */
export interface BuildOptions extends DeckOptions, FitOptions, PrintOptions, WriteOptions {
  /** Receives warnings; a new collector is used when none is given. */
  diagnostics?: Diagnostics;
}
