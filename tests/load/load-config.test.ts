import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/build/compose-deck.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { findConfig, loadConfig } from '../../src/load/load-config.js';
import { failure } from '../helpers/errors.js';
import { tempDir } from '../helpers/fixtures.js';

let root: string;
let remove: () => Promise<void>;

async function project(name: string, config: { file: string; text: string } | undefined, brief: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'content'), { recursive: true });
  if (config) await writeFile(path.join(dir, config.file), config.text);
  const file = path.join(dir, 'content', 'b.md');
  await writeFile(file, brief);
  return file;
}

beforeAll(async () => ({ dir: root, remove } = await tempDir()));
afterAll(() => remove());

describe('briefdeck.config', () => {
  it('is found next to content/ and sits between the front matter and the built-in defaults', async () => {
    const yaml = 'organisation: Config Org\nclassification: OFFICIAL\ntheme: dark\nlang: de\n';
    const file = await project('p1', { file: 'briefdeck.config.yaml', text: yaml }, '---\ntitle: T\nclassification: SECRET\n---\n\nText.\n');
    expect(await findConfig(path.dirname(file))).toBe(path.join(root, 'p1', 'briefdeck.config.yaml'));
    const { deck } = await composeDeck(file, { theme: 'contrast' });
    // CLI flag over config; front matter over config; config over default.
    expect(deck.brief.meta).toMatchObject({ theme: 'contrast', classification: 'SECRET', organisation: 'Config Org', lang: 'de', aspect: '16:9' });
  });

  it('reads JSON too, resolving paths against the config file', async () => {
    const json = '{\n  "logo": "content/logo.svg",\n  "templates": "my-templates"\n}\n';
    const file = await project('p2', { file: 'briefdeck.config.json', text: json }, '# T\n\nText.\n');
    const config = await loadConfig(file, new Diagnostics());
    // Found, not given: confined to the config's folder, and its templates may not run script.
    expect(config.templates).toMatchObject({ path: path.join(root, 'p2', 'my-templates'), given: 'my-templates', root: { dir: path.join(root, 'p2') }, untrusted: true });
    expect(config.defaults.data.logo).toBe('content/logo.svg');
    expect(config.defaults.keyRefs.get('logo')).toMatchObject({ line: 2, column: 3 });
  });

  it('warns about unknown keys with the closest known one, located in the config', async () => {
    const file = await project('p3', { file: 'briefdeck.config.yaml', text: 'lang: en\nclasification: OFFICIAL\ntitle: X\n' }, '# T\n\nText.\n');
    const diagnostics = new Diagnostics();
    await loadConfig(file, diagnostics);
    expect(diagnostics.list.map((d) => [d.code, d.message, d.at?.line, d.at?.column])).toEqual([
      ['config-unknown-key', 'unknown config key `clasification` (did you mean `classification`?)', 2, 1],
      ['config-unknown-key', "unknown config key `title` (set it in each brief's front matter)", 3, 1],
    ]);
  });

  it('reports a bad value at its line and column in the config file', async () => {
    const file = await project('p4', { file: 'briefdeck.config.yaml', text: '# defaults\n\nlang: en\ntheme: sepia\n' }, '# T\n\nText.\n');
    const error = await failure(() => composeDeck(file));
    expect(error.describe()).toMatch(/briefdeck\.config\.yaml:4:1: `theme` must be one of institutional, dark, contrast/);
  });

  it('reports a YAML syntax error located in the config file', async () => {
    const file = await project('p5', { file: 'briefdeck.config.yaml', text: 'lang: en\norganisation: [unclosed\n' }, '# T\n\nText.\n');
    const error = await failure(() => loadConfig(file, new Diagnostics()));
    expect(error.code).toBe('yaml-invalid');
    expect(error.message).toMatch(/^invalid YAML in config/);
    expect(error.at?.file).toMatch(/briefdeck\.config\.yaml$/);
    expect([error.at?.line, error.at?.column]).toEqual([2, 15]);
  });

  it('refuses two config files in one folder and a missing --config file', async () => {
    const file = await project('p6', { file: 'briefdeck.config.yaml', text: 'lang: en\n' }, '# T\n\nText.\n');
    await writeFile(path.join(root, 'p6', 'briefdeck.config.json'), '{}');
    expect((await failure(() => loadConfig(file, new Diagnostics()))).code).toBe('config-ambiguous');
    expect((await failure(() => loadConfig(file, new Diagnostics(), path.join(root, 'nope.yaml')))).code).toBe('config-missing');
  });
});
