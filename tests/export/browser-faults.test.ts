import { chmod, copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/export/browser-session.js';
import { findBrowser } from '../../src/export/find-browser.js';
import { cli } from '../helpers/cli.js';
import { EXAMPLE, tempDir } from '../helpers/fixtures.js';
import { newTag, TAG_VARIABLE, taggedProcesses, waitFor } from '../helpers/processes.js';

let dir: string;
let remove: () => Promise<void>;
const tag = newTag();
const chromium = findBrowser().path;

/** A stand-in for Chromium: a shell script that misbehaves in one chosen way. */
async function fakeBrowser(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await copyFile(EXAMPLE, path.join(dir, 'example.md'));
  await writeFile(path.join(dir, 'small.md'), '---\ntitle: Small\n---\n\n## One\n\nText.\n');
  await writeFile(path.join(dir, 'loops.md'), '---\ntitle: Loops\n---\n\n## One\n\nText.\n\n<script>for (;;) {}</script>\n');
  process.env[TAG_VARIABLE] = tag;
});
afterAll(async () => {
  delete process.env[TAG_VARIABLE];
  await remove();
});

const out = () => path.join(dir, 'out');

describe('browser faults: a clear message, the right exit code, no orphan processes', () => {
  it('a browser that fails to launch', async () => {
    const fake = await fakeBrowser('broken-chrome', 'echo "error while loading shared libraries: libnss3.so" >&2\nexit 127');
    const result = await cli(['build', path.join(dir, 'small.md'), '--pdf', '-o', out(), '--browser', fake]);
    expect(result.code).toBe(3);
    expect(result.err).toBe(`could not start ${fake}: it exited with code 127: error while loading shared libraries: libnss3.so\n`);
    expect(taggedProcesses(tag)).toEqual([]);
  });

  it('a browser that hangs at launch times out, and is killed', async () => {
    const fake = await fakeBrowser('hanging-chrome', 'exec sleep 600');
    const result = await cli(['build', path.join(dir, 'small.md'), '--pdf', '-o', out(), '--browser', fake, '--timeout', '2']);
    expect(result.code).toBe(3);
    expect(result.err).toBe(`could not start ${fake}: Timed out after 2000 ms while waiting for the WS endpoint URL to appear in stdout!\n`);
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 15_000)).toBe(true);
  });

  // Without --no-fit, the hang is met first by fitting, which loads the deck to measure it (below).
  it('a deck that hangs the page times out naming the brief and where it stopped', async () => {
    const result = await cli(['build', path.join(dir, 'loops.md'), '--pdf', '--no-fit', '-o', out(), '--timeout', '15', '--allow-html']);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/^PDF export of .*loops\.md failed while (loading the deck|laying out slides)( \(the page does not respond: a script in it may loop forever\)| at slide \d+ of 4 \(".+", line \d+\))?: .*timeout.*15000 ms/i);
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 10_000)).toBe(true);
  });

  it('a deck that hangs the page while its slides are fitted times out naming the brief and the step', async () => {
    const result = await cli(['build', path.join(dir, 'loops.md'), '--pdf', '-o', out(), '--timeout', '15', '--allow-html']);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/^could not lay out .*loops\.md in the browser: .*timeout.*15000 ms.*\n$/i);
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 10_000)).toBe(true);
  });

  it('relaunches once after Chromium crashes mid-export, and says so', async () => {
    await using session = new BrowserSession({ browserPath: chromium, timeout: 30_000 });
    const retries: string[] = [];
    let calls = 0;
    const title = await session.withPage(async (page) => {
      calls++;
      if (calls === 1) (await session.browser()).process()?.kill('SIGKILL');
      await page.setContent('<title>second try</title>');
      return page.title();
    }, (reason) => retries.push(reason));
    expect({ title, calls, retries }).toEqual({ title: 'second try', calls: 2, retries: ['Chromium exited unexpectedly'] });
  });

  it('a page crash is retried once; a second crash is final', async () => {
    await using session = new BrowserSession({ browserPath: chromium, timeout: 30_000 });
    const retries: string[] = [];
    let calls = 0;
    const crash = session.withPage(async (page) => {
      calls++;
      await page.goto('chrome://crash');
    }, (reason) => retries.push(reason));
    await expect(crash).rejects.toThrow();
    expect({ calls, retries }).toEqual({ calls: 2, retries: ['the page crashed'] });
  });

  it('leaves no Chromium process behind after all of the above', async () => {
    expect(await waitFor(() => taggedProcesses(tag).length === 0, 10_000)).toBe(true);
  });
});
