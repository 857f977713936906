import type { Diagnostics } from '../diagnostics.js';
import { fail } from '../errors.js';

/** `--strict`: every warning about a brief becomes an error. Returns how many the brief has now. */
export function applyStrict(diagnostics: Diagnostics): number {
  for (const d of diagnostics.list) if (d.severity === 'warning') d.severity = 'error';
  return diagnostics.errors.length;
}

/**
 * `--strict` in a build: the first problem stops it before anything is written. The others stay in
 * the collector, as errors, so every one of them is reported.
 */
export function enforceStrict(diagnostics: Diagnostics): void {
  if (applyStrict(diagnostics) === 0) return;
  const [first, ...rest] = diagnostics.errors;
  diagnostics.list.splice(diagnostics.list.indexOf(first), 1);
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  fail(`strict-${first.code}`, `${first.message} [--strict]${more}`, { at: first.at });
}
