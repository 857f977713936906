import type { Diagnostics } from '../diagnostics.js';
import { fail } from '../errors.js';

/**
 * `--strict`: every warning about a brief becomes an error, and the first one stops the build
 * before anything is written. The others stay in the collector, now marked as errors.
 */
export function enforceStrict(diagnostics: Diagnostics): void {
  const warnings = diagnostics.list.filter((d) => d.severity === 'warning');
  if (warnings.length === 0) return;
  for (const d of warnings) d.severity = 'error';
  const [first, ...rest] = warnings;
  diagnostics.list.splice(diagnostics.list.indexOf(first), 1);
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  fail(`strict-${first.code}`, `${first.message} [--strict]${more}`, { at: first.at });
}
