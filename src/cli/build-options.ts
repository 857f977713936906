import type { BuildOptions } from '../build/options.js';
import type { BrowserSession } from '../browser/browser-session.js';
import type { BuildFlags } from './program.js';

/** `--handout-layout` alone asks for a handout too. */
export function wantsHandout(flags: BuildFlags): boolean {
  return flags.handout || flags.handoutLayout !== undefined;
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
    paper: flags.paper,
    config: flags.config,
    templates: flags.templates,
  };
}
