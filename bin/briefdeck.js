#!/usr/bin/env node
import { statSync } from 'node:fs';

// The CLI bundle (npm run build: scripts/build/bundle.mjs); lib/cli/run.js is the same code
// unbundled, which runs instead when it is newer: `tsc` alone compiled src/ again since the bundle
// was made, and a developer should not run yesterday's bundle.
const mtime = (file) => statSync(new URL(file, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const entry = mtime('../lib/cli/run.js') > mtime('../lib/bundle/cli.js') ? '../lib/cli/run.js' : '../lib/bundle/cli.js';
const { run } = await import(entry);

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
    controller.abort(signal);
  });
}

// A reader that stops early (`briefdeck build --help | head -2`) closes the pipe: what is left to
// print goes nowhere, silently, and the command still finishes what it was asked to do.
const closed = new Set();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const writer = (stream) => (text) => {
  if (!closed.has(stream)) stream.write(text);
};

process.exitCode = await run(process.argv.slice(2), {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  signal: controller.signal,
});
