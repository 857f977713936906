import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cp, readFile, symlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, spawnCli } from '../helpers/cli.js';
import { EXAMPLE, fixture, ROOT, tempDir } from '../helpers/fixtures.js';

// What ships: bin/briefdeck.js runs the CLI bundle that `npm run build` writes (scripts/build/bundle.mjs).
const BUNDLE = path.join(ROOT, 'lib', 'bundle');
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
});
afterAll(() => remove());

/** The ES modules `briefdeck …argv` loads, as files (tests/fixtures/module-log.mjs). */
async function modulesLoaded(argv: string[], name: string): Promise<string[]> {
  const log = path.join(dir, `${name}.log`);
  const run = await spawnCli(argv, { cwd: dir, env: { BRIEFDECK_MODULE_LOG: log }, nodeArgs: ['--import', fixture('module-log.mjs')] });
  expect(run.code, run.err).toBe(0);
  return (await readFile(log, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
}

/** The sources (src/ and node_modules/) a bundle file was made from, by its source map. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => path.relative(ROOT, path.resolve(path.dirname(file), source)));
}

describe('the CLI bundle', () => {
  it('is what bin/briefdeck.js runs: a build loads the bundle and no module of lib/ or node_modules/', async () => {
    const loaded = await modulesLoaded(['build', EXAMPLE, '--no-fit', '-q', '-o', path.join(dir, 'out-loaded')], 'build');
    expect(loaded[0]).toBe(BIN);
    expect(loaded[1]).toBe(path.join(BUNDLE, 'cli.js'));
    expect(loaded.slice(1).filter((file) => path.dirname(file) !== BUNDLE)).toEqual([]);
  });

  it('gives way to lib/ when tsc compiled src/ again after the bundle was made (a developer runs what they compiled)', async () => {
    // A copy of the package, whose lib/cli/run.js is then made newer than its bundle.
    const copy = path.join(dir, 'package-copy');
    await cp(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
    await cp(path.join(ROOT, 'lib'), path.join(copy, 'lib'), { recursive: true });
    await cp(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
    for (const linked of ['templates', 'node_modules']) await symlink(path.join(ROOT, linked), path.join(copy, linked));
    const firstLoaded = (): string => {
      const log = path.join(dir, 'copy.log');
      rmSync(log, { force: true });
      const result = spawnSync(process.execPath, ['--import', fixture('module-log.mjs'), path.join(copy, 'bin', 'briefdeck.js'), '--version'], { env: { ...process.env, BRIEFDECK_MODULE_LOG: log }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return path.relative(copy, fileURLToPath(readFileSync(log, 'utf8').split('\n')[1]));
    };
    const bundleTime = statSync(path.join(copy, 'lib', 'bundle', 'cli.js')).mtime;
    // A second older, not the same instant: a Date's milliseconds become a float of seconds, which can round past the bundle's own time.
    const earlier = new Date(bundleTime.getTime() - 1000);
    await utimes(path.join(copy, 'lib', 'cli', 'run.js'), earlier, earlier);
    expect(firstLoaded()).toBe(path.join('lib', 'bundle', 'cli.js'));
    const later = new Date(bundleTime.getTime() + 1000);
    await utimes(path.join(copy, 'lib', 'cli', 'run.js'), later, later);
    expect(firstLoaded()).toBe(path.join('lib', 'cli', 'run.js'));
  });

  it('leaves out of `build --no-fit` what only other commands use: PDF, PowerPoint, serve, watch, conversion', async () => {
    const loaded = await modulesLoaded(['build', EXAMPLE, '--no-fit', '-q', '-o', path.join(dir, 'out-rare')], 'rare');
    const sources = loaded.slice(1).flatMap(sourcesOf);
    // What the build does use is there (so the check below reads real source maps)...
    expect(sources).toEqual(expect.arrayContaining(['src/cli/run.ts', 'src/render/render-deck.ts', 'src/render/precompiled-templates.ts']));
    expect(sources.some((s) => s.includes('node_modules/handlebars/'))).toBe(true);
    // ...and none of the rare parts is even evaluated.
    const rare = /^src\/(?:pdf|pptx|serve|watch)\/|^src\/build\/print-outputs\.ts$|^src\/load\/convert-document\.ts$|^src\/import\/import-(?:docx|html)\.ts$|node_modules\/(?:puppeteer|puppeteer-core|mammoth|linkedom|@mozilla\/readability|unified|chokidar|ws|pdf-lib|fflate)\/|node_modules\/handlebars\/.*\/compiler\//;
    expect(sources.filter((s) => rare.test(s))).toEqual([]);
  });

  it('loads no CommonJS module either: the Handlebars compiler is required only for a template that is not precompiled', () => {
    const required = (argv: string[]): string[] => {
      // require.cache is the one cache of every require(), the bundle's own included.
      const script = `import { createRequire } from 'node:module';
import { run } from ${JSON.stringify(path.join(BUNDLE, 'cli.js'))};
const code = await run(${JSON.stringify(argv)}, { stdout: () => {}, stderr: (t) => process.stderr.write(t) });
process.stdout.write(JSON.stringify({ code, required: Object.keys(createRequire(import.meta.url).cache) }));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const { code, required } = JSON.parse(result.stdout) as { code: number; required: string[] };
      expect(code, result.stderr).toBe(0);
      return required;
    };
    expect(required(['build', EXAMPLE, '--no-fit', '-q', '-o', path.join(dir, 'out-cjs')])).toEqual([]);
    // A partial of the user's own, not precompiled: the compiler is loaded for it.
    const mine = path.join(dir, 'my-templates');
    mkdirSync(path.join(mine, 'partials'), { recursive: true });
    writeFileSync(path.join(mine, 'partials', 'footer.hbs'), '<footer class="mine">{{number}}</footer>\n');
    const withMine = required(['build', EXAMPLE, '--no-fit', '-q', '--templates', mine, '-o', path.join(dir, 'out-mine')]);
    expect(withMine.some((file) => file.includes(`${path.sep}handlebars${path.sep}`))).toBe(true);
  });

  it('writes with its precompiled templates the very HTML that templates compiled at run time give (the TypeScript sources)', async () => {
    const bundled = path.join(dir, 'out-bundle');
    const compiled = path.join(dir, 'out-sources');
    // Two briefs, so the listing of decks (templates/index.hbs) is written too.
    const briefs = [EXAMPLE, fixture('footnotes.md')];
    const spawned = await spawnCli(['build', ...briefs, '--no-fit', '-q', '-o', bundled], { cwd: dir });
    expect(spawned.code, spawned.err).toBe(0);
    const inProcess = await cli(['build', ...briefs, '--no-fit', '-q', '-o', compiled]);
    expect(inProcess.code, inProcess.err).toBe(0);
    for (const file of ['russia-china-afghanistan/index.html', 'footnotes/index.html', 'index.html']) {
      expect(await readFile(path.join(bundled, file), 'utf8'), file).toBe(await readFile(path.join(compiled, file), 'utf8'));
    }
  });

  it('leaves the library as it was: lib/index.js, compiled by tsc, builds the same deck', async () => {
    const out = path.join(dir, 'out-library');
    const script = `import { buildDeck } from ${JSON.stringify(path.join(ROOT, 'lib', 'index.js'))};
await buildDeck(${JSON.stringify(EXAMPLE)}, { fit: false, outDir: ${JSON.stringify(out)} });`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const spawned = await spawnCli(['build', EXAMPLE, '--no-fit', '-q', '-o', path.join(dir, 'out-cli')], { cwd: dir });
    expect(spawned.code, spawned.err).toBe(0);
    const deck = 'russia-china-afghanistan/index.html';
    expect(await readFile(path.join(out, deck), 'utf8')).toBe(await readFile(path.join(dir, 'out-cli', deck), 'utf8'));
  });

  it('reports an internal error with places in src/, read back from its source maps', () => {
    // A writer that throws is a bug briefdeck cannot know of: it reports it as an internal error, with the stack.
    const script = `import { run } from ${JSON.stringify(path.join(BUNDLE, 'cli.js'))};
let err = '';
await run(['--version'], { stdout: () => { throw new TypeError('the writer broke'); }, stderr: (t) => (err += t) });
process.stdout.write(err);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^briefdeck: internal error \(please report it\): TypeError: the writer broke\n/);
    expect(result.stdout).toContain(path.join(ROOT, 'src', 'cli', 'run.ts'));
    expect(result.stdout).not.toContain(`${BUNDLE}${path.sep}`);
  });
});
