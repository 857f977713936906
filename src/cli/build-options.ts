import type { BuildOptions } from '../build/options.js';
import type { BrowserOptions, BrowserSession } from '../browser/browser-session.js';
import type { BuildFlags, DeckFlags } from './program.js';

/** `--handout-layout` alone asks for a handout too. */
export function wantsHandout(flags: BuildFlags): boolean {
  return flags.handout || flags.handoutLayout !== undefined;
}

/** Outputs made through the browser (PDFs, the PowerPoint file): the run cannot do without it then. */
export function wantsBrowser(flags: BuildFlags): boolean {
  return flags.pdf || wantsHandout(flags) || Boolean(flags.pptx || flags.pptxImages);
}

/** The browser flags as session options, for every command that starts one. */
export function browserOptions(flags: DeckFlags, required = false): BrowserOptions {
  return { browserPath: flags.browser, timeout: flags.timeout * 1000, launchTimeout: flags.launchTimeout * 1000, required };
}

/** The flags that make a deck as library options: `check` sees exactly what `build` would make. */
export function deckOptions(flags: DeckFlags, browser: BrowserSession): Omit<BuildOptions, 'diagnostics'> {
  return {
    fit: flags.fit,
    budget: flags.budget,
    theme: flags.theme,
    aspect: flags.aspect,
    mode: flags.mode,
    dividers: flags.dividers,
    browser,
    strict: flags.strict,
    allowHtml: flags.allowHtml,
    fetchRemote: flags.fetchRemote,
    config: flags.config,
    templates: flags.templates,
  };
}

/** The flags of `build`, `pdf`, `build --watch` and `serve` as library options: one mapping for all. */
export function buildOptions(flags: BuildFlags, browser: BrowserSession, signal?: AbortSignal): Omit<BuildOptions, 'diagnostics'> {
  return {
    ...deckOptions(flags, browser),
    outDir: flags.out,
    pdf: flags.pdf,
    handout: wantsHandout(flags),
    force: flags.force,
    signal,
    notes: flags.notes,
    stripNotes: flags.stripNotes,
    handoutLayout: flags.handoutLayout,
    pptx: flags.pptx || flags.pptxImages || undefined,
    pptxImages: flags.pptxImages,
    paper: flags.paper,
  };
}
