import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './tests/helpers/long-first-sequencer.js';

// vi.mock replaces a module for the file that mocks it, and a shared worker has already loaded that
// module for the files before it: a file that mocks one of our modules gets a fresh worker. The rest
// share their workers' loaded modules, which saves 27 s of imports a run.
const ISOLATED = ['tests/render/precompiled-templates.test.ts'];

export default defineConfig({
  test: {
    // Browser tests launch Chromium; two cores are all CI has.
    maxWorkers: 2,
    // Decks are strings of several hundred kilobytes, made many times a test: a larger young
    // generation lets them die there instead of being promoted and collected again (4 % less CPU
    // in the files that compose decks without a browser).
    execArgv: ['--max-semi-space-size=32'],
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
