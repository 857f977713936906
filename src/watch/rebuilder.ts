import createDebug from 'debug';
import path from 'node:path';
import { buildDeck, type BuildResult } from '../build/build-deck.js';
import type { BuildOptions } from '../build/options.js';
import { Diagnostics } from '../diagnostics.js';
import { BriefdeckError } from '../errors.js';
import { forgetAssets } from '../load/load-assets.js';
import { TEMPLATES_DIR } from '../paths.js';
import { forgetTemplates } from '../load/load-templates.js';
import { forgetConfigs } from '../load/load-config.js';
import { forgetHandout } from '../load/load-handout.js';
import { resolveInputs } from '../load/resolve-inputs.js';
import type { FileChange } from './watch-files.js';

const debug = createDebug('briefdeck:watch');
const RE_BRIEF = /\.(?:md|markdown)$/i;

export type Phase = 'html' | 'pdf';

export interface RebuildEvents {
  /** `recovered`: the brief's last build had failed (a fix may bring it back to a deck already built: then `result.skipped`). */
  built(result: BuildResult, phase: Phase, recovered: boolean): void;
  /** A build failed on bad input (or a bug, reported as one): the last good outputs stay. */
  failed(file: string, error: BriefdeckError, diagnostics: Diagnostics): void;
  removed(file: string): void;
  /** The briefs to build, when first known and whenever a new one appears. */
  listed?(files: string[]): void;
  /** Every queued build is done (a batch of edits has been handled). */
  idle?(): void;
  /**
   * A build read files that are not watched yet: included files (they may lie deeper than the
   * folder watch goes), or a config, theme or templates folder outside the briefs' folders.
   */
  watchMore?(files: string[]): void;
}

export interface RebuildOptions {
  inputs: string[];
  build: Omit<BuildOptions, 'diagnostics'>;
  events: RebuildEvents;
}

function asBriefdeckError(error: unknown): BriefdeckError {
  if (error instanceof BriefdeckError) return error;
  return new BriefdeckError('internal-error', `internal error (please report it): ${(error as Error)?.message ?? String(error)}`, { cause: error });
}


/**
 * Rebuilds briefs one at a time, in the order asked. Decks come first and PDFs after, so an edit
 * reaches the browser at once; an edit that arrives during a PDF export cancels it (it is redone
 * after the deck). Outputs stay complete throughout: each build is staged and renamed into place.
 */
export class Rebuilder {
  files: string[] = [];
  private readonly html = new Set<string>();
  private readonly pdf = new Set<string>();
  private running?: Promise<void>;
  private exporting?: AbortController;
  private cancelled = false;
  /** What the decks were made from outside their briefs' folders (config, theme, templates). */
  private readonly sources = new Set<string>();
  /** Each brief's included files (resolved), from its last build that got that far. */
  private readonly includes = new Map<string, string[]>();
  /** Briefs whose last build failed: a file that appears may be the one they missed. */
  private readonly failing = new Set<string>();

  constructor(private readonly options: RebuildOptions) {}

  /** PDFs (slides or handout) and the PowerPoint file are made after the decks, in a phase of their own. */
  private get prints(): boolean {
    return Boolean(this.options.build.pdf || this.options.build.handout || this.options.build.pptx);
  }

  /** Resolves the inputs to the briefs to build; call before `watchPaths()`. */
  async list(): Promise<string[]> {
    this.files = await resolveInputs(this.options.inputs);
    this.options.events.listed?.(this.files);
    return this.files;
  }

  /** Builds every brief once; resolves when that is done. */
  async buildAll(): Promise<void> {
    this.request(this.files);
    await this.idle();
  }

  private noteSources(sources: string[]): void {
    const fresh = sources.map((f) => path.resolve(f)).filter((f) => !this.sources.has(f));
    for (const f of fresh) this.sources.add(f);
    if (fresh.length > 0) this.options.events.watchMore?.(fresh);
  }

  /** Folders and files to watch: the inputs, the briefs' folders (for images), the templates, and included files. */
  watchPaths(): string[] {
    const dirs = this.files.map((f) => path.dirname(f));
    return [...new Set([...this.options.inputs, ...dirs, TEMPLATES_DIR, ...this.sources, ...[...this.includes.values()].flat()])];
  }

  /** The briefs that include `file` (resolved). */
  private includersOf(file: string): string[] {
    return this.files.filter((f) => this.includes.get(f)?.includes(file));
  }

  private noteIncludes(file: string, includes: string[] = []): void {
    const known = new Set([...this.includes.values()].flat());
    const resolved = includes.map((f) => path.resolve(f));
    this.includes.set(file, resolved);
    const fresh = resolved.filter((f) => !known.has(f));
    if (fresh.length > 0) this.options.events.watchMore?.(fresh);
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Maps changed files to the briefs they affect and queues those. */
  async onChanges(changes: FileChange[]): Promise<void> {
    const affected = new Set<string>();
    const known = new Map(this.files.map((f) => [path.resolve(f), f]));
    let everything = false;
    let relist = false;
    for (const { kind, file } of changes) {
      const brief = known.get(path.resolve(file));
      const includers = this.includersOf(path.resolve(file));
      for (const b of includers) affected.add(b);
      if (kind === 'add') for (const b of this.failing) affected.add(b);
      if (brief && kind === 'unlink') {
        this.files = this.files.filter((f) => f !== brief);
        this.options.events.removed(brief);
      } else if (brief) {
        affected.add(brief);
      } else if (includers.length > 0) {
        // Only the briefs that include it: counted above.
      } else if (RE_BRIEF.test(file) && kind === 'add') {
        relist = true;
      } else {
        // An image, theme, template or config a brief may use: everything read once per process is
        // read again, and briefs the change does not touch are skipped by their key.
        everything = true;
      }
    }
    if (everything) {
      forgetTemplates();
      forgetAssets();
      forgetConfigs();
      forgetHandout();
    }
    if (relist) await this.relist(affected);
    this.request(everything ? this.files : this.files.filter((f) => affected.has(f)));
  }

  private async relist(affected: Set<string>): Promise<void> {
    try {
      const files = await resolveInputs(this.options.inputs);
      for (const f of files) if (!this.files.includes(f)) affected.add(f);
      this.files = files;
      this.options.events.listed?.(files);
    } catch (error) {
      this.options.events.failed(this.options.inputs.join(' '), asBriefdeckError(error), new Diagnostics());
    }
  }

  request(files: string[]): void {
    if (files.length === 0) return;
    for (const f of files) {
      this.html.add(f);
      if (this.prints) this.pdf.add(f);
    }
    if (this.exporting) this.cancelExport();
    this.running ??= this.loop().finally(() => (this.running = undefined));
  }

  private cancelExport(): void {
    debug('an edit arrived during PDF export: cancelling it');
    this.cancelled = true;
    this.exporting?.abort('cancelled');
    void this.options.build.browser?.cancelPages();
  }

  private async loop(): Promise<void> {
    while (this.html.size > 0 || this.pdf.size > 0) {
      const [file] = this.html.size > 0 ? this.html : this.pdf;
      const phase: Phase = this.html.size > 0 ? 'html' : 'pdf';
      (phase === 'html' ? this.html : this.pdf).delete(file);
      if (this.files.includes(file)) await this.buildOne(file, phase);
    }
    this.options.events.idle?.();
  }

  private async buildOne(file: string, phase: Phase): Promise<void> {
    const diagnostics = new Diagnostics();
    // A stale export is stopped at its next step and never committed (buildDeck checks the signal).
    const exporting = phase === 'pdf' ? new AbortController() : undefined;
    this.exporting = exporting;
    this.cancelled = false;
    try {
      const { pdf, handout, pptx, signal } = this.options.build;
      const signals = [signal, exporting?.signal].filter((s): s is AbortSignal => s !== undefined);
      const result = await buildDeck(file, { ...this.options.build, pdf: phase === 'pdf' && pdf, handout: phase === 'pdf' && handout, pptx: pptx && phase === 'pdf', diagnostics, signal: signals.length > 0 ? AbortSignal.any(signals) : undefined });
      const recovered = this.failing.delete(file);
      this.noteIncludes(file, result.deck.brief.includes);
      this.noteSources(result.sources);
      this.options.events.built(result, phase, recovered);
    } catch (error) {
      if (this.cancelled) {
        this.pdf.add(file);
        return;
      }
      this.failing.add(file);
      this.options.events.failed(file, asBriefdeckError(error), diagnostics);
      // A deck that failed has no PDF to make.
      this.pdf.delete(file);
    } finally {
      this.exporting = undefined;
    }
  }
}
