import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeDeck } from '../../src/build/compose-deck.js';

let serial = 0;

/**
 * Writes `text` as `<dir>/<n>/<name>.md` and composes it through the real entry point, returning
 * the error if it fails. A fresh folder each time: a property still shrinking never shares a file,
 * and the same name keeps the output comparable.
 */
export async function composeText(dir: string, text: string, name = 'generated') {
  const folder = path.join(dir, String(serial++));
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}.md`);
  await writeFile(file, text);
  try {
    return { file, result: await composeDeck(file) };
  } catch (error) {
    return { file, result: undefined, error };
  }
}
