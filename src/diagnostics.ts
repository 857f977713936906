import path from 'node:path';
import type { Diagnostic, Severity, SourceRef } from './types.js';

export function formatRef(at: SourceRef): string {
  const file = path.isAbsolute(at.file) ? path.relative(process.cwd(), at.file) || at.file : at.file;
  return at.column ? `${file}:${at.line}:${at.column}` : `${file}:${at.line}`;
}

/** Compiler-style line: `content/x.md:42:1 warning image-no-alt message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${formatRef(d.at)} ` : '';
  return `${where}${d.severity} ${d.code} ${d.message}`;
}

/** Collects what the stages have to say, like unified's VFile messages. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: string, message: string, at?: SourceRef): void {
    this.list.push({ severity, code, message, at });
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
