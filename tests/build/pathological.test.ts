import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/fixtures.js';

/**
 * Input built to be slow (issue 12): each must end within the limits, built or refused with a
 * located error, never a crash. Measured by the child's own CPU time and peak RSS, written at its
 * exit by the bench's usage hook (a fresh machine has no `time` tool); never by the wall clock.
 */
const CPU_MS = 10_000;
const RSS_BYTES = 2 ** 30;

const front = '---\ntitle: Pathological\n---\n\n## Start\n\n';

function nestedList(levels: number): string {
  return Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
}

/** Nine lists of nine aliases of the one before: 9⁹ strings once expanded. */
function aliasBomb(): string {
  const names = 'abcdefghi';
  const lines = ['title: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return `---\n${lines.join('\n')}\n---\n\n## H\n\nText.\n`;
}

/** [name, brief, what it may end in]: `built` (exit 0) or `refused` (exit 1 with a located error). */
const CASES: Array<[string, string, 'built' | 'refused' | 'either']> = [
  ['entities', `${front}${'&#x41;'.repeat(300_000)}\n`, 'built'],
  ['emphasis', `${front}${'*a **a *a '.repeat(50_000)}\n`, 'built'],
  ['brackets', `${front}${'['.repeat(100_000)}x${']'.repeat(100_000)}\n`, 'either'],
  ['open-links', `${front}${'[a]('.repeat(50_000)}\n`, 'either'],
  ['headings', `${front}${'## H\n\n'.repeat(50_000)}`, 'refused'],
  ['lists-250', `${front}${nestedList(250)}\n`, 'refused'],
  ['lists-2000', `${front}${nestedList(2000)}\n`, 'refused'],
  ['quotes-3000', `${front}${'>'.repeat(3000)} x\n`, 'refused'],
  ['quotes-100000', `${front}${'>'.repeat(100_000)} x\n`, 'refused'],
  ['dashes-1000', `${front}${'- '.repeat(1000)}x\n`, 'refused'],
  ['dashes-100000', `${front}${'- '.repeat(100_000)}x\n`, 'refused'],
  ['yaml-bomb', aliasBomb(), 'refused'],
];

interface Usage {
  /** Milliseconds of user and system time. */
  cpu: number;
  maxRss: number;
}

let home: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: home, remove } = await tempDir());
  await mkdir(path.join(home, 'content'));
  for (const [name, text] of CASES) await writeFile(path.join(home, 'content', `${name}.md`), text);
});
afterAll(() => remove());

describe('pathological input', () => {
  // --no-fit: the limits are about parsing, splitting and rendering, which fit only repeats.
  it.each(CASES)('%s: built or refused with a located error, within the CPU and memory limits', async (name, _text, expected) => {
    const usageFile = path.join(home, `${name}.usage.json`);
    const result = await spawnCli(['build', `content/${name}.md`, '--no-fit', '--out', 'out'], {
      cwd: home,
      env: { BRIEFDECK_BENCH_USAGE: usageFile },
      nodeArgs: ['--import', path.join(ROOT, 'scripts', 'bench', 'usage-hook.mjs')],
      // A safety net for a build that never ends, not a measure: a loaded machine stretches wall time.
      killAfterMs: 120_000,
    });
    expect(result.code, `${name} was killed after two minutes`).not.toBeNull();
    expect(result.err).not.toMatch(/internal error|\n\s+at /);
    if (result.code !== 0 || expected === 'refused') {
      expect(result.code, result.err).toBe(1);
      expect(result.err).toMatch(new RegExp(`^content/${name}\\.md:\\d+(?::\\d+)?: `, 'm'));
    }
    if (expected === 'built') expect(result.code, result.err).toBe(0);
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as Usage;
    expect(usage.cpu, `CPU ms for ${name}`).toBeLessThan(CPU_MS);
    expect(usage.maxRss, `peak RSS for ${name}`).toBeLessThan(RSS_BYTES);
  }, 150_000);
});
