import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (wall time in a full run on two cores, longest first). Started first,
 * they run beside the many short files instead of alone at the end. Vitest orders by its cached
 * durations, but a fresh clone, which is what CI runs, has no cache and orders by file size, which
 * put browser-faults (52 s, a small file) near the end. A file missing here only runs later.
 */
const LONGEST = [
  'browser/browser-faults',
  'pptx/office-fidelity',
  'fit/measure-page',
  'e2e/decks',
  'pdf/print-measured',
  'build/property',
  'pdf/print-chunks',
  'cli/signals',
  'fit/fit-deck',
  'cli/pptx-flags',
  'pdf/themes',
  'build/pathological',
  'build/determinism',
  'scripts/bundle',
  'cli/hostile-pages',
  'cli/bad-input',
  'pdf/handout-layouts',
];

function rank(spec: TestSpecification): number {
  const at = LONGEST.findIndex((name) => spec.moduleId.endsWith(`/tests/${name}.test.ts`));
  return at < 0 ? LONGEST.length : at;
}

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: the rest keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
