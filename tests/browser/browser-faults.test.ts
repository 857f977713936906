import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { cli } from '../helpers/cli.js';
import { EXAMPLE, fixture, tempDir } from '../helpers/fixtures.js';
import { newTag, TAG_VARIABLE, taggedProcesses, waitFor } from '../helpers/processes.js';

let dir: string;
let remove: () => Promise<void>;
const tag = newTag();
const chromium = findBrowser().path;
const STUCK = '(the page does not respond: a script in it may loop forever)';
// The step limit (--timeout) does not cover the launch (--launch-timeout), which on a loaded
// two-core machine alone can take ten seconds: hung steps are cut short without risking the launch.
// The steps before the hung one take tenths of a second (this file passes with six workers on two
// cores), and a looping page burns a core for as long as the limit runs.
const HANG_TIMEOUT = 2;

const loops = fixture('browser-faults/loops.md');
const stalls = fixture('browser-faults/stalls.md');
const printLoops = fixture('browser-faults/print-loops.md');
/** stalls.md with its second section in parts/two.md: the slide is named by that file and line. */
const stallsIncluded = fixture('browser-faults/stalls-included.md');

/** A stand-in for Chromium: a shell script that misbehaves in one chosen way. */
async function fakeBrowser(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

/** How many times the fake browsers were started (each appends a line to this file). */
const launches = async (): Promise<number> => (await readFile(path.join(dir, 'launches'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
const countLaunch = (): string => `echo launched >> '${path.join(dir, 'launches')}'`;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  await copyFile(EXAMPLE, path.join(dir, 'example.md'));
  for (const name of ['small', 'second', 'third']) await writeFile(path.join(dir, `${name}.md`), `---\ntitle: ${name}\n---\n\n## One\n\nText.\n`);
  process.env[TAG_VARIABLE] = tag;
});
beforeEach(() => writeFile(path.join(dir, 'launches'), ''));
afterAll(async () => {
  delete process.env[TAG_VARIABLE];
  await remove();
});

const out = () => path.join(dir, 'out');
const brief = (name: string) => path.join(dir, `${name}.md`);
const noOrphans = () => waitFor(() => taggedProcesses(tag).length === 0, 15_000);
/** The lines of stderr that report failed steps. */
const failures = (err: string, start: string) => err.split('\n').filter((l) => l.startsWith(start));

describe('browser faults at launch: the brief that needed the browser, exit 3, no orphans', () => {
  it('a browser that fails to launch', async () => {
    const fake = await fakeBrowser('broken-chrome', `${countLaunch()}\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127`);
    const result = await cli(['build', brief('small'), '--pdf', '-o', out(), '--browser', fake]);
    expect(result.code).toBe(3);
    expect(result.err).toBe(`could not start ${fake} for the slide measurement of ${brief('small')}: it exited with code 127: error while loading shared libraries: libnss3.so\n`);
    expect(await noOrphans()).toBe(true);
  });

  it('a browser that hangs at launch times out by --launch-timeout (not --timeout), and is killed', async () => {
    const fake = await fakeBrowser('hanging-chrome', `${countLaunch()}\nexec sleep 600`);
    const result = await cli(['build', brief('small'), '--pdf', '--no-fit', '-o', out(), '--browser', fake, '--launch-timeout', '2', '--timeout', '600']);
    expect(result.code).toBe(3);
    expect(result.err).toBe(`could not start ${fake} for the PDF export of ${brief('small')}: Timed out after 2000 ms while waiting for the WS endpoint URL to appear in stdout!\n`);
    expect(await noOrphans()).toBe(true);
  });
});

describe('a failed launch is remembered for the run: one attempt, however many briefs', () => {
  it('HTML builds that fit: every brief warns fit-unverified, after one launch and one timeout', async () => {
    const fake = await fakeBrowser('hanging-chrome-2', `${countLaunch()}\nexec sleep 600`);
    const result = await cli(['build', brief('small'), brief('second'), brief('third'), '-o', out(), '--browser', fake, '--launch-timeout', '2']);
    const cause = `could not start ${fake} for the slide measurement of ${brief('small')}: Timed out after 2000 ms while waiting for the WS endpoint URL to appear in stdout!`;
    expect(result.code).toBe(0);
    expect(result.err.split('\n').filter((l) => l.includes('fit-unverified'))).toEqual(
      ['small', 'second', 'third'].map((name) => `${path.relative(process.cwd(), brief(name))}:1 warning fit-unverified slides were packed by word budget only; fit was not measured (${cause})`),
    );
    // One attempt for the run: the other briefs neither launch again nor wait out the limit again.
    expect(await launches()).toBe(1);
    expect(await noOrphans()).toBe(true);
  });

  it('PDF builds: the first failure is reported once and the run stops', async () => {
    const fake = await fakeBrowser('broken-chrome-2', `${countLaunch()}\necho "cannot open display" >&2\nexit 1`);
    const result = await cli(['build', brief('small'), brief('second'), brief('third'), '--pdf', '--no-fit', '-o', out(), '--browser', fake]);
    expect(result.code).toBe(3);
    expect(result.err).toMatch(new RegExp(`^could not start ${fake} for the PDF export of ${dir}/(small|second)\\.md: it exited with code 1: cannot open display\\n$`));
    expect(await launches()).toBe(1);
    expect(await noOrphans()).toBe(true);
  });
});

// One hostile deck per run where briefs export in parallel: pages of one browser share its frames,
// so a page stuck at the front holds up the layout of the others (see the README's browser notes).
describe('a step that runs out of time names the job, the brief, the slide and the step (exit 4)', () => {
  // Full mode with every divider: the messages name slide ranges of the fixtures as written.
  const hang = (...args: string[]) => cli(['build', ...args, '--mode', 'full', '--dividers', 'all', '--allow-html', '-o', out(), '--timeout', String(HANG_TIMEOUT), '--launch-timeout', '120']);
  const timedOut = `timed out after ${HANG_TIMEOUT} s (--timeout)`;

  it.each([
    ['loading the deck', loops, `PDF export of ${loops} failed on slides 1–3 while loading the deck ${STUCK}: ${timedOut}`],
    ['laying out slides', stalls, `PDF export of ${stalls} failed at slide 6 of 8 ("Two", line 11) while laying out slides: ${timedOut}`],
    ['printing', printLoops, `PDF export of ${printLoops} failed on slides 1–3 while printing ${STUCK}: ${timedOut}`],
  ])('slide PDF, %s', async (_step, file, message) => {
    const result = await hang(file, '--pdf', '--no-fit');
    expect({ code: result.code, failures: failures(result.err, 'PDF export') }).toEqual({ code: 4, failures: [message] });
    expect(await noOrphans()).toBe(true);
  });

  it.each([
    ['loading the handout', loops, `handout export of ${loops} failed on slides 1–3 while loading the handout ${STUCK}: ${timedOut}`],
    ['printing the handout', printLoops, `handout export of ${printLoops} failed on slides 1–3 while printing the handout ${STUCK}: ${timedOut}`],
  ])('handout, %s', async (_step, file, message) => {
    const result = await hang(file, '--handout', '--no-fit');
    expect({ code: result.code, failures: failures(result.err, 'handout export') }).toEqual({ code: 4, failures: [message] });
    expect(await noOrphans()).toBe(true);
  });

  // HTML builds run one brief at a time, so both steps of fit's measurement fit in one run.
  it('fit\'s measurement, loading the deck and laying out slides (at a slide from an included file)', async () => {
    const result = await hang(loops, stallsIncluded);
    expect({ code: result.code, failures: failures(result.err, 'slide measurement') }).toEqual({ code: 4, failures: [
      `slide measurement of ${loops} failed on slides 1–3 while loading the deck ${STUCK}: ${timedOut}`,
      `slide measurement of ${stallsIncluded} failed at slide 6 of 8 ("Two", ${path.relative(process.cwd(), fixture('browser-faults/parts/two.md'))}:3) while laying out slides: ${timedOut}`,
    ] });
    expect(await noOrphans()).toBe(true);
  });
});

describe('crashes after a successful launch: one relaunch and retry', () => {
  it('relaunches once after Chromium crashes mid-export, and says so', async () => {
    await using session = new BrowserSession({ browserPath: chromium, timeout: 30_000 });
    const retries: string[] = [];
    let calls = 0;
    const title = await session.withPage(async (page) => {
      calls++;
      if (calls === 1) (await session.browser()).process()?.kill('SIGKILL');
      await page.setContent('<title>second try</title>');
      return page.title();
    }, { onRetry: (reason) => retries.push(reason) });
    expect({ title, calls, retries, launches: session.stats.launches }).toEqual({ title: 'second try', calls: 2, retries: ['Chromium exited unexpectedly'], launches: 2 });
  });

  // Chromium aborts the navigation first and reports the crash later: the page is asked, not timed.
  it('a page crash is retried once; a second crash is final', async () => {
    await using session = new BrowserSession({ browserPath: chromium, timeout: 30_000 });
    const retries: string[] = [];
    let calls = 0;
    const crash = session.withPage(async (page) => {
      calls++;
      await page.goto('chrome://crash');
    }, { onRetry: (reason) => retries.push(reason) });
    await expect(crash).rejects.toThrow('net::ERR_ABORTED at chrome://crash');
    expect({ calls, retries }).toEqual({ calls: 2, retries: ['the page crashed'] });
  });

  // That it is also told at once, without a wait, is pinned in watch-page.test.ts (no clock there).
  it('a failure on a live page is no crash: no retry', async () => {
    await using session = new BrowserSession({ browserPath: chromium, timeout: 30_000 });
    const retries: string[] = [];
    let calls = 0;
    const failing = session.withPage(async (page) => {
      calls++;
      await page.setContent('<p>alive</p>');
      throw new Error('not a crash');
    }, { onRetry: (reason) => retries.push(reason) });
    await expect(failing).rejects.toThrow('not a crash');
    expect({ calls, retries, launches: session.stats.launches }).toEqual({ calls: 1, retries: [], launches: 1 });
  });

  it('leaves no Chromium process behind after all of the above', async () => {
    expect(await noOrphans()).toBe(true);
  });
});
