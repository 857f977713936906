import { execFileSync } from 'node:child_process';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHandout } from '../../src/load/load-handout.js';
import type { NamedFile } from '../../src/types.js';
import { failure } from '../helpers/errors.js';
import { tempDir } from '../helpers/fixtures.js';

const work = await tempDir();
afterAll(() => work.remove());

/** A templates folder `name` as `templates: name` in a config found in `work`: confined and untrusted. */
async function found(name: string, files: Record<string, string>): Promise<NamedFile> {
  const base = await realpath(work.dir);
  const dir = path.join(base, name);
  await mkdir(path.join(dir, 'handout'), { recursive: true });
  await mkdir(path.join(dir, 'partials'));
  // The folder holds a deck partial too: a folder of handout templates alone is refused (templates-empty).
  await writeFile(path.join(dir, 'partials', 'footer.hbs'), '<footer class="bd-footer">{{number}}</footer>\n');
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  const at = { file: path.join(base, 'briefdeck.config.yaml'), line: 2, column: 1 };
  return { path: dir, given: name, at, root: { dir: base, name: "the config's folder" }, untrusted: true };
}

describe('handout templates from a found config', () => {
  it('a handout partial symlinked out of the folder is refused, located at the config key', async () => {
    const folder = await found('out-link', {});
    await symlink('/etc/passwd', path.join(folder.path, 'handout', 'item.hbs'));
    const error = await failure(() => loadHandout(undefined, folder));
    expect(error.message).toBe(`cannot use the template handout/item.hbs in out-link: it links to /etc/passwd, outside the templates folder (${folder.path})`);
    expect(error.at).toEqual(folder.at);
  });

  it('a FIFO as handout.hbs is refused without blocking', async () => {
    const folder = await found('fifo', {});
    execFileSync('mkfifo', [path.join(folder.path, 'handout.hbs')]);
    expect((await failure(() => loadHandout(undefined, folder))).message).toBe('cannot use the template handout.hbs in fifo: it is not a regular file (a device, pipe or socket)');
  });

  it('a handout partial with a script, and a handout.css that closes its <style>, are refused at their line', async () => {
    const script = await found('script', { 'handout/cover.hbs': '<header>\n<script>alert(1)</script>\n</header>\n' });
    const error = await failure(() => loadHandout(undefined, script));
    expect([error.code, error.at]).toEqual(['template-untrusted', { file: path.join(script.path, 'handout', 'cover.hbs'), line: 2, column: 1 }]);
    const css = await found('css', { 'handout/handout.css': '.x { color: red }\n</STYLE><script>alert(1)</script>\n' });
    const closing = await failure(() => loadHandout(undefined, css));
    expect([closing.code, closing.at]).toEqual(['template-untrusted', { file: path.join(css.path, 'handout', 'handout.css'), line: 2 }]);
  });

  it('the same folder given with --templates is trusted', async () => {
    const css = await found('trusted', { 'handout/handout.css': '.x { color: red }\n</style>\n' });
    const templates = await loadHandout(undefined, { path: css.path, given: 'trusted' });
    expect(templates.css).toContain('</style>');
  });
});
