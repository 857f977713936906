import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/fixtures.js';

const NAMES = ['alpha', 'bravo', 'charlie'] as const;

function brief(name: string): string {
  const sections = [1, 2].map((n) => `## ${name} part ${n}\n\nThe ${name} brief says ${n} things about the region.\n`);
  return `---\ntitle: Brief ${name}\n---\n\nA short summary of ${name}.\n\n${sections.join('\n')}`;
}

/**
 * Several briefs with --pdf in one run: a wrapper around the real browser counts how often it is
 * started, and each PDF is read back.
 */
describe('briefdeck build --pdf over several briefs', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  let launchLog: string;
  let wrapper: string;

  beforeAll(async () => {
    work = await tempDir();
    await Promise.all(NAMES.map((n) => writeFile(path.join(work.dir, `${n}.md`), brief(n))));
    launchLog = path.join(work.dir, 'launches.log');
    wrapper = path.join(work.dir, 'chromium-wrapper.sh');
    await writeFile(wrapper, `#!/bin/sh\necho launch >> '${launchLog}'\nexec '${findBrowser().path}' "$@"\n`);
    await chmod(wrapper, 0o755);
  });
  afterAll(async () => {
    await work?.remove();
  });

  it('starts the browser once and writes every PDF', async () => {
    const out = path.join(work.dir, 'out');
    let stdout = '';
    let stderr = '';
    const code = await run(['build', '--pdf', '--browser', wrapper, '-o', out, ...NAMES.map((n) => path.join(work.dir, `${n}.md`))], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((await readFile(launchLog, 'utf8')).trim().split('\n')).toEqual(['launch']);
    for (const name of NAMES) {
      expect(stdout).toContain(`${name}.pdf`);
      const pdf = await readPdf(path.join(out, name, `${name}.pdf`));
      // Title, key judgements, and a slide for each of the two parts (one slide each needs no divider).
      expect(pdf.pages).toBe(4);
      expect(pdf.text.join(' ')).toContain(`The ${name} brief says 2 things`);
    }
  });

  it('reports a browser that fails to start once, not once per brief', async () => {
    let stderr = '';
    const code = await run(['build', '--pdf', '--browser', '/bin/false', '-o', path.join(work.dir, 'out-false'), ...NAMES.map((n) => path.join(work.dir, `${n}.md`))], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
    });
    expect(code).toBe(3);
    expect(stderr.match(/could not start/g)).toHaveLength(1);
  });
});
