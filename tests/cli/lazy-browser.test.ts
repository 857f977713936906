import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, tempDir } from '../helpers/fixtures.js';

// A module hook that refuses to load Puppeteer, so a build that does load it fails.
const HOOKS = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.includes('/node_modules/puppeteer')) throw new Error('puppeteer was loaded');
  return result;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

function briefdeck(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, path.join(ROOT, 'bin', 'briefdeck.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr };
}

/** Loading Puppeteer costs more than a whole HTML build, so a build without the browser must not. */
describe('briefdeck build --no-fit without --pdf', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir();
  });
  afterAll(async () => {
    await work?.remove();
  });

  it('never loads Puppeteer', () => {
    const result = briefdeck(['build', '--no-fit', EXAMPLE, '-o', work.dir, '-q']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('loads it for --pdf (so the hook above does catch it)', () => {
    const result = briefdeck(['build', '--no-fit', '--pdf', EXAMPLE, '-o', work.dir, '-q']);
    expect(result.stderr).toContain('puppeteer was loaded');
    expect(result.status).toBe(3);
  });
});
