import fc from 'fast-check';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { briefText } from '../helpers/brief-arbitrary.js';
import { composeText } from '../helpers/compose.js';
import { EXAMPLE, tempDir } from '../helpers/fixtures.js';

const RUNS = Math.ceil(Number(process.env.BRIEFDECK_PROPERTY_RUNS ?? 400) / 6);

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(() => remove());

/** Every file under `root` with its bytes, by relative path. */
async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(root, file)] = (await readFile(file)).toString('base64');
  }
  return out;
}

describe('determinism', () => {
  it(`renders byte-identical HTML for the same input (${RUNS} generated briefs)`, async () => {
    await fc.assert(
      fc.asyncProperty(briefText, async (text) => {
        const first = await composeText(dir, text);
        const second = await composeText(dir, text);
        expect(second.result?.deck.html).toBe(first.result?.deck.html);
        expect(first.result?.deck.html ?? '').not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('builds many briefs in parallel into the same files as one by one', async () => {
    const briefs = path.join(dir, 'briefs');
    await mkdir(briefs);
    const texts = fc.sample(briefText, { numRuns: 16, seed: 42 });
    const files = await Promise.all(
      texts.map(async (text, i) => {
        const file = path.join(briefs, `brief-${String(i).padStart(2, '0')}.md`);
        await writeFile(file, text);
        return file;
      }),
    );
    await copyFile(EXAMPLE, path.join(briefs, 'example.md'));
    files.push(path.join(briefs, 'example.md'));
    const built = async (file: string, outDir: string) => buildDeck(file, { outDir }).then(() => true, () => false);
    const sequential: boolean[] = [];
    for (const file of files) sequential.push(await built(file, path.join(dir, 'one-by-one')));
    const parallel = await Promise.all(files.map((file) => built(file, path.join(dir, 'parallel'))));
    expect(parallel).toEqual(sequential);
    expect(sequential.filter(Boolean).length).toBeGreaterThan(12);
    expect(await tree(path.join(dir, 'parallel'))).toEqual(await tree(path.join(dir, 'one-by-one')));
  }, 300_000);
});
