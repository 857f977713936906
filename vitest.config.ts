import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './tests/helpers/long-first-sequencer.js';

// Files that keep state in modules they import (a template cache, an env variable read once) and
// so need a fresh worker; the others share their workers' loaded modules (37 s of imports saved).
const ISOLATED = ['tests/render/precompiled-templates.test.ts', 'tests/pdf/export-handout.test.ts', 'tests/cli/handout-flags.test.ts'];

export default defineConfig({
  test: {
    // Browser tests launch Chromium; two cores are all CI has.
    maxWorkers: 2,
    // The longest files first, on a fresh clone too (see the sequencer).
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
