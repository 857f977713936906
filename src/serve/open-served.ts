import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A regular file in a deck's output folder (`<outDir>/<deck>/<name>`), and only there: its real
 * path must be exactly that (no symlink anywhere on the way, a deck folder that is a link
 * included), and it is opened without following a link and without blocking on a FIFO, then
 * checked on the open file, so what is checked is what is sent. `undefined` for anything else.
 */
export async function openServed(outDir: string, deck: string, name: string): Promise<{ handle: FileHandle; size: number } | undefined> {
  const root = await realpath(outDir).catch(() => undefined);
  const real = await realpath(path.join(outDir, deck, name)).catch(() => undefined);
  if (!root || real !== path.join(root, deck, name)) return undefined;
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => undefined);
  if (!handle) return undefined;
  const info = await handle.stat().catch(() => undefined);
  if (info?.isFile()) return { handle, size: info.size };
  await handle.close();
  return undefined;
}
