import { writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/build-deck.js';
import { Rebuilder } from '../../src/watch/rebuilder.js';
import { FileWatcher, type FileChange } from '../../src/watch/watch-files.js';
import { fixtureCopy } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await fixtureCopy('serve'));
});
afterEach(() => remove());

function recorder() {
  const built: BuildResult[] = [];
  const failed: string[] = [];
  const events = {
    built: (r: BuildResult) => void built.push(r),
    failed: (_file: string, e: { describe(): string }) => void failed.push(e.describe()),
    removed: () => undefined,
  };
  return { built, failed, events };
}

describe('Rebuilder', () => {
  it('builds each brief once, then only what an edit touches; an image change skips briefs without it', async () => {
    const { built, events } = recorder();
    const rebuilder = new Rebuilder({ inputs: [path.join(dir, 'content')], build: { outDir: path.join(dir, 'dist') }, events });
    await rebuilder.list();
    await rebuilder.buildAll();
    expect(built.map((r) => [path.basename(r.file), r.skipped])).toEqual([['brief.md', false], ['with-image.md', false]]);
    built.length = 0;
    const brief = path.join(dir, 'content', 'brief.md');
    await writeFile(brief, (await readFile(brief, 'utf8')).replace('MARKER-ONE', 'MARKER-TWO'));
    await rebuilder.onChanges([{ kind: 'change', file: brief }]);
    await rebuilder.idle();
    expect(built.map((r) => [path.basename(r.file), r.skipped])).toEqual([['brief.md', false]]);
    built.length = 0;
    const image = path.join(dir, 'content', 'img', 'dot.png');
    await writeFile(image, Buffer.concat([await readFile(image), Buffer.from([0])]));
    await rebuilder.onChanges([{ kind: 'change', file: image }]);
    await rebuilder.idle();
    expect(built.map((r) => [path.basename(r.file), r.skipped])).toEqual([['brief.md', true], ['with-image.md', false]]);
  });

  it('queues an edit that arrives during a build, and keeps going after bad input', async () => {
    const { built, failed, events } = recorder();
    const brief = path.join(dir, 'content', 'brief.md');
    const rebuilder: Rebuilder = new Rebuilder({
      inputs: [brief],
      build: { outDir: path.join(dir, 'dist') },
      events: {
        ...events,
        built: (r: BuildResult) => {
          events.built(r);
          // Asked again while the loop is still running: it runs once more, after, on the new text.
          if (built.length === 1) {
            writeFileSync(brief, '---\ntitle: [broken\n---\n\nText.\n');
            rebuilder.request([brief]);
          }
        },
      },
    });
    await rebuilder.list();
    rebuilder.request([brief]);
    await rebuilder.idle();
    expect(built).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/brief\.md:\d+:\d+: invalid YAML/);
    await writeFile(brief, '---\ntitle: Fixed\n---\n\nText.\n');
    await rebuilder.onChanges([{ kind: 'change', file: brief }]);
    await rebuilder.idle();
    expect(built.at(-1)!.deck.brief.meta.title).toBe('Fixed');
  });
});

describe('Rebuilder with included files', () => {
  let work: { dir: string; remove: () => Promise<void> };
  beforeEach(async () => {
    work = await fixtureCopy('includes');
  });
  afterEach(() => work.remove());

  it('rebuilds exactly the briefs that include a changed file, and watches what they include', async () => {
    const { built, events } = recorder();
    const included: string[][] = [];
    const content = path.join(work.dir, 'content');
    const rebuilder = new Rebuilder({ inputs: [content], build: { outDir: path.join(work.dir, 'dist'), fit: false }, events: { ...events, watchMore: (files: string[]) => void included.push(files) } });
    await rebuilder.list();
    await rebuilder.buildAll();
    const annex = path.join(content, 'parts', 'annex.md');
    const detail = path.join(content, 'parts', 'nested', 'detail.md');
    expect(included).toEqual([[annex, detail]]);
    expect(rebuilder.watchPaths()).toEqual(expect.arrayContaining([annex, detail]));
    built.length = 0;
    await writeFile(detail, 'Detail words, edited.\n');
    await rebuilder.onChanges([{ kind: 'change', file: detail }]);
    await rebuilder.idle();
    // Without the map from included files to briefs, every brief would be composed again.
    expect(built.map((r) => [path.basename(r.file), r.skipped])).toEqual([['brief.md', false]]);
    expect(built[0].deck.html).toContain('Detail words, edited.');
  });

  it('rebuilds a brief that failed for want of an included file once the file appears', async () => {
    const { built, failed, events } = recorder();
    const content = path.join(work.dir, 'content');
    const late = path.join(content, 'late.md');
    await writeFile(late, '---\ntitle: Late\n---\n\nText.\n\n<!-- include: parts/late.md -->\n');
    const rebuilder = new Rebuilder({ inputs: [late], build: { outDir: path.join(work.dir, 'dist'), fit: false }, events });
    await rebuilder.list();
    await rebuilder.buildAll();
    expect(failed).toEqual([`${path.relative(process.cwd(), late)}:7: cannot include parts/late.md: no such file`]);
    const part = path.join(content, 'parts', 'late.md');
    await writeFile(part, 'Words that came late.\n');
    await rebuilder.onChanges([{ kind: 'add', file: part }]);
    await rebuilder.idle();
    expect(built.map((r) => [path.basename(r.file), r.deck.html.includes('Words that came late.')])).toEqual([['late.md', true]]);
  });
});

describe('FileWatcher', () => {
  it('reports quick saves in a row as one batch', async () => {
    const batches: FileChange[][] = [];
    let batched: () => void = () => undefined;
    const next = (): Promise<void> => new Promise((resolve) => (batched = resolve));
    const file = path.join(dir, 'content', 'brief.md');
    // "In a row" is within the debounce of each other: a second, not 150 ms, which a loaded machine
    // (Chromium busy in the other worker, a profiler) took between two writes and split the batch.
    await using watcher = new FileWatcher({ paths: [path.join(dir, 'content')], ignore: [path.join(dir, 'dist')], debounceMs: 1000, onBatch: (b) => void (batches.push(b), batched()) });
    await watcher.ready;
    let first = next();
    for (let i = 0; i < 3; i++) await writeFile(file, `---\ntitle: T${i}\n---\n\nText.\n`);
    await writeFile(path.join(dir, 'content', 'new.md'), 'New.\n');
    await first;
    // A save after the batch comes in a batch of its own: had the quick saves been split, their
    // second batch would have come before it (events arrive in order).
    while (!batches.some((b) => b.some((c) => path.basename(c.file) === 'marker.md'))) {
      first = next();
      if (batches.length === 1) await writeFile(path.join(dir, 'content', 'marker.md'), 'Marker.\n');
      await first;
    }
    expect(batches).toHaveLength(2);
    expect(batches[0].map((c) => [c.kind, path.basename(c.file)]).sort()).toEqual([['add', 'new.md'], ['change', 'brief.md']]);
  });

  it('a save just after a reported one is reported too (chokidar drops it for 50 ms)', async () => {
    const batches: FileChange[][] = [];
    const file = path.join(dir, 'content', 'brief.md');
    await using watcher = new FileWatcher({ paths: [path.join(dir, 'content')], ignore: [path.join(dir, 'dist')], debounceMs: 0, onBatch: (b) => void batches.push(b) });
    await watcher.ready;
    await writeFile(file, '---\ntitle: First\n---\n\nText.\n');
    const until = Date.now() + 10_000;
    while (batches.length === 0 && Date.now() < until) await new Promise((r) => setImmediate(r));
    // At once, as a build that fails in a few milliseconds lets the user undo.
    await writeFile(file, '---\ntitle: Second, longer\n---\n\nText.\n');
    while (batches.length < 2 && Date.now() < until) await new Promise((r) => setImmediate(r));
    expect(batches.map((b) => b.map((c) => [c.kind, path.basename(c.file)]))).toEqual([[['change', 'brief.md']], [['change', 'brief.md']]]);
  });
});

describe('Rebuilder with a plain-text brief', () => {
  it('follows the .txt: an edit of the text rebuilds its deck', async () => {
    const { built, failed, events } = recorder();
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'Notes\n\nMARKER-ONE in the text.\n');
    const rebuilder = new Rebuilder({ inputs: [text], build: { outDir: path.join(dir, 'dist'), fit: false }, events });
    await rebuilder.list();
    await rebuilder.buildAll();
    await writeFile(text, 'Notes\n\nMARKER-TWO in the text.\n');
    await rebuilder.onChanges([{ kind: 'change', file: text }]);
    await rebuilder.idle();
    expect(failed).toEqual([]);
    expect(built.map((r) => [path.basename(r.file), r.skipped])).toEqual([['notes.txt', false], ['notes.txt', false]]);
    expect(await readFile(path.join(dir, 'dist', 'notes', 'index.html'), 'utf8')).toContain('MARKER-TWO');
  });
});
