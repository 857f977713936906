import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './tests/helpers/long-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests launch Chromium; two cores are all CI has.
    maxWorkers: 2,
    // The longest files first, on a fresh clone too (see the sequencer).
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
