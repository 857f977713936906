import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// semver is installed with puppeteer; the test reads ranges the way npm does when it prints EBADENGINE.
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const read = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** Where Node finds `name` from a package in `dir`: the nearest node_modules/name above it. */
function installedDir(name: string, dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    const candidate = path.join(at, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Every package installed for our production dependencies, ours excluded, with the engines it declares. */
function productionTree(): Manifest[] {
  const seen = new Map<string, Manifest>();
  const visit = (dir: string): void => {
    const manifest = read(dir);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = installedDir(name, dir);
      // An optional dependency for another platform is not installed.
      if (!found || seen.has(found)) continue;
      seen.set(found, read(found));
      visit(found);
    }
  };
  visit(ROOT);
  return [...seen.values()];
}

describe('engines (package.json)', () => {
  const ours = read(ROOT).engines?.node ?? '*';

  it('declares a Node range every installed production dependency accepts', () => {
    const tree = productionTree();
    expect(tree.length).toBeGreaterThan(20);
    const refusing = tree
      .filter((m) => m.engines?.node && !semver.subset(ours, m.engines.node))
      .map((m) => `${m.name}@${m.version} needs node ${m.engines!.node}`);
    expect(refusing, `package.json declares node ${ours}`).toEqual([]);
  });

  it('says the same Node range in the README and CONTRIBUTING.md', () => {
    const lowest = semver.minVersion(ours)!;
    const words = `Node.js ${lowest.major}.${lowest.minor} or later`;
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(words);
    expect(readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8')).toContain(words);
  });
});
