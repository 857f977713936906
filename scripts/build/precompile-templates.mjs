// The built-in templates (templates/**/*.hbs), precompiled by Handlebars at build time into the
// source of an ES module: `PRECOMPILED[sha256(source)]` is a template spec for `Handlebars.template`.
// Keyed by the source's hash, so a template edited after the build (or a user's own) is compiled at
// run time as before; see src/render/handlebars.ts and src/render/precompiled-templates.ts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/** The options src/render/handlebars.ts compiles with: the precompiled code must be what it would compile. */
export const COMPILE_OPTIONS = { strict: true };

function hbsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? hbsFiles(path.join(dir, e.name)) : e.name.endsWith('.hbs') ? [path.join(dir, e.name)] : []));
}

/** `{ file, hash, spec }` for every .hbs under `templatesDir` (spec: JavaScript source of an object). */
export function precompileTemplates(templatesDir) {
  return hbsFiles(templatesDir).map((file) => {
    const source = readFileSync(file, 'utf8');
    return { file: path.relative(templatesDir, file), hash: createHash('sha256').update(source).digest('hex'), spec: Handlebars.precompile(source, COMPILE_OPTIONS) };
  });
}

/** The module that replaces src/render/precompiled-templates.ts in the bundle. */
export function precompiledModule(templatesDir) {
  const entries = precompileTemplates(templatesDir).map(({ file, hash, spec }) => `  // ${file}\n  ${JSON.stringify(hash)}: ${spec},`);
  return `export const PRECOMPILED = {\n${entries.join('\n')}\n};\n`;
}
