import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `at fn (file:///…/lib/bundle/chunk-X.js:1:2345)` or `at file:///…:1:2345`. */
const RE_FRAME = /(file:\/\/[^\s()]+\.js):(\d+):(\d+)/g;

/**
 * An internal error's stack with the places in the minified CLI bundle (lib/bundle/) turned back
 * into places in src/, from the source maps the bundle is built with. Read only when there is
 * such an error to report, so a normal run never parses a map; a frame it cannot map stays as it was.
 */
export function readableStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string): SourceMap | undefined => {
    if (!maps.has(url)) {
      const file = `${fileURLToPath(url)}.map`;
      let map: SourceMap | undefined;
      try {
        if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        map = undefined;
      }
      maps.set(url, map);
    }
    return maps.get(url);
  };
  return stack.replace(RE_FRAME, (frame, url: string, line: string, column: string) => {
    const entry = mapOf(url)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(fileURLToPath(url)), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
