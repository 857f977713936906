import type { BuildOptions } from '../build-deck.js';
import type { BrowserSession } from '../export/browser-session.js';
import type { BuildFlags } from './program.js';

/** `--handout-layout` alone asks for a handout too. */
export function wantsHandout(flags: BuildFlags): boolean {
  return flags.handout || flags.handoutLayout !== undefined;
}

/** Outputs made through the browser (PDFs, the PowerPoint file): the run cannot do without it then. */
export function wantsBrowser(flags: BuildFlags): boolean {
  return flags.pdf || wantsHandout(flags) || Boolean(flags.pptx || flags.pptxImages);
}

/** The flags of `build`, `build --watch` and `serve` as library options: one mapping for all three. */
export function buildOptions(flags: BuildFlags, browser: BrowserSession, signal?: AbortSignal): Omit<BuildOptions, 'diagnostics'> {
  return {
    outDir: flags.out,
    pdf: flags.pdf,
    handout: wantsHandout(flags),
    fit: flags.fit,
    budget: flags.budget,
    theme: flags.theme,
    aspect: flags.aspect,
    mode: flags.mode,
    browser,
    strict: flags.strict,
    allowHtml: flags.allowHtml,
    fetchRemote: flags.fetchRemote,
    force: flags.force,
    signal,
    notes: flags.notes,
    stripNotes: flags.stripNotes,
    handoutLayout: flags.handoutLayout,
    pptx: flags.pptx || flags.pptxImages || undefined,
    pptxImages: flags.pptxImages,
    paper: flags.paper,
    config: flags.config,
    templates: flags.templates,
  };
}
