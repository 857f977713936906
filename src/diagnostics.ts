import path from 'node:path';
import { escapeControls } from './control-chars.js';
import type { Brief, Diagnostic, LineSpan, Severity, SourceRef } from './types.js';

/**
 * Where a line of a brief's body was written: the brief itself, or a file it includes. The one
 * place that applies `Brief.lines`; stages number lines in the expanded body and never map them.
 */
export function locateIn(brief: Pick<Brief, 'file' | 'lines'>, at: SourceRef): SourceRef {
  if (!brief.lines || at.file !== brief.file) return at;
  const span = lastSpanAt(brief.lines, at.line);
  return span ? { ...at, file: span.file, line: span.line + (at.line - span.from) } : at;
}

function lastSpanAt(spans: LineSpan[], line: number): LineSpan | undefined {
  let [low, high] = [0, spans.length - 1];
  let found: LineSpan | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].from <= line) [found, low] = [spans[mid], mid + 1];
    else high = mid - 1;
  }
  return found;
}

export function formatRef(at: SourceRef): string {
  const file = path.isAbsolute(at.file) ? path.relative(process.cwd(), at.file) || at.file : at.file;
  return at.column ? `${file}:${at.line}:${at.column}` : `${file}:${at.line}`;
}

/** Compiler-style line: `content/x.md:42:1 warning image-no-alt message`; one line, whatever the brief wrote. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${formatRef(d.at)} ` : '';
  return escapeControls(`${where}${d.severity} ${d.code} ${d.message}`);
}

/**
 * Defects a reader of the deck would see (a slide that overflows, a picture missing, a link or a
 * footnote that leads nowhere): errors in every command, build and check alike, whichever stage
 * reports them. Every other finding is reported with the severity its stage gives it.
 */
export const READER_DEFECTS: readonly string[] = ['overflow', 'image-missing', 'image-not-image', 'image-not-file', 'image-too-large', 'image-unreadable', 'link-broken', 'footnote-missing'];

/** Collects what the stages have to say, like unified's VFile messages. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private readonly briefs = new Map<string, Pick<Brief, 'file' | 'lines'>>();

  /** From now on, places in `brief`'s body are reported where they were written (see locateIn). */
  locateWith(brief: Pick<Brief, 'file' | 'lines'>): void {
    if (brief.lines) this.briefs.set(brief.file, brief);
  }

  /** Adds a diagnostic about a place numbered as the stages number it. */
  add(severity: Severity, code: string, message: string, at?: SourceRef): void {
    const brief = at && this.briefs.get(at.file);
    this.record({ severity: READER_DEFECTS.includes(code) ? 'error' : severity, code, message, at: brief ? locateIn(brief, at) : at });
  }

  /** Adds a diagnostic that is already located: one replayed or turned from an error. */
  record(diagnostic: Diagnostic): void {
    this.list.push(diagnostic);
  }

  warn(code: string, message: string, at?: SourceRef): void {
    this.add('warning', code, message, at);
  }

  error(code: string, message: string, at?: SourceRef): void {
    this.add('error', code, message, at);
  }

  get errors(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'error');
  }
}
