#!/usr/bin/env node
// The second half of `npm run build` (after tsc writes lib/, the library and its types): the CLI as
// one minified ES module, lib/bundle/cli.js, which bin/briefdeck.js runs. What only some commands
// need (serve, --watch, PDF and PowerPoint export, document conversion) is split into chunks that
// load on first use (the `await import()`s of src/), the built-in templates come precompiled
// (precompile-templates.mjs), and each file has an external source map (.map) for the stack of an
// "internal error". Puppeteer stays outside: it is loaded from node_modules when a browser starts.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { precompiledModule } from './precompile-templates.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_DIR = path.join(ROOT, 'lib', 'bundle');

/** src/render/precompiled-templates.ts (empty) becomes the built-in templates precompiled. */
const precompiled = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, () => ({
      contents: precompiledModule(path.join(ROOT, 'templates')),
      loader: 'js',
    }));
  },
};

export async function bundle() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  return build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/run.ts', 'convert-worker': 'src/load/convert-worker.ts' },
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    minify: true,
    // Positions only (the stack of an internal error): the sources themselves stay out of the package.
    sourcemap: 'external',
    sourcesContent: false,
    chunkNames: '[name]-[hash]',
    external: ['puppeteer'],
    // The CommonJS packages inside (handlebars, sanitize-html…) require Node's built-ins.
    banner: { js: "import { createRequire as __bdRequire } from 'node:module'; const require = __bdRequire(import.meta.url);" },
    // src/paths.ts finds the package root from where its module is: two folders up from lib/bundle/.
    define: { BRIEFDECK_BUNDLE_DEPTH: '2' },
    plugins: [precompiled],
    legalComments: 'external',
    logLevel: 'warning',
    metafile: true,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle();
