import { statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, fail } from '../errors.js';
import { RE_BRIEF_EXT, RE_BRIEF_FILE as RE_BRIEF } from './load-brief.js';

/**
 * Files and folders (every `.md` directly inside, but hidden ones: `._x.md` from a Mac, an editor's
 * `.#x.md`) to the list of briefs to build, in order.
 */
export async function resolveInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      const hint = /[*?[]/.test(input) ? ' (no file matches this pattern)' : '';
      fail('input-missing', `no such file or folder: ${input}${hint}`, { exitCode: EXIT.input });
    }
    if (info.isDirectory() && RE_BRIEF.test(input.replace(/[\\/]+$/, ''))) {
      fail('file-is-folder', `${input} is a folder, not a Markdown file`);
    }
    if (info.isDirectory()) {
      const entries = (await readdir(input, { withFileTypes: true })).filter((e) => e.isFile() && RE_BRIEF.test(e.name) && !e.name.startsWith('.'));
      if (entries.length === 0) fail('no-briefs', `no Markdown briefs (.md) in ${input}`);
      files.push(...entries.map((e) => path.join(input, e.name)).sort());
    } else {
      files.push(input);
    }
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file).replace(RE_BRIEF_EXT, '');
    const other = seen.get(name);
    if (other && path.resolve(other) !== path.resolve(file)) {
      fail('name-clash', `${other} and ${file} would both be written to the folder "${name}"; rename one`);
    }
    seen.set(name, file);
  }
  return [...new Set(files)];
}

/** What `-o` would be if the user took it for a file: briefdeck's outputs, and the briefs themselves. */
const RE_FILE_NAME = /\.(?:pdf|pptx|html?|md|markdown)$/i;

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `-o` names a folder (each brief goes to OUT/NAME/): `-o x.pdf` would otherwise make a folder
 * x.pdf/ where the user expects a file. An existing folder by such a name is used as it is.
 * The output folder must not be, or sit inside, a folder of inputs: a build would read its own output.
 */
export function checkOutDir(outDir: string, inputs: string[]): void {
  if (RE_FILE_NAME.test(outDir.replace(/[\\/]+$/, '')) && !isFolder(outDir)) {
    fail('out-is-file-name', `--out takes a folder, and ${outDir} looks like a file name: each brief goes to OUT/NAME/ (its PDF to OUT/NAME/NAME.pdf with --pdf); choose a folder with -o`, { exitCode: EXIT.usage });
  }
  const out = path.resolve(outDir);
  for (const input of inputs) {
    const dir = path.resolve(input);
    if (out === dir || out.startsWith(dir + path.sep)) {
      fail('out-inside-input', `the output folder ${outDir} is inside the input folder ${input}; choose another with --out`, { exitCode: EXIT.usage });
    }
  }
}
