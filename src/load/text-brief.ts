import path from 'node:path';
import { fail } from '../errors.js';
import { importText, type Imported } from '../import/import-text.js';

/** The Markdown that `briefdeck import` would write for plain text; an error when it has no words. */
export function markdownOfText(text: string, file: string): Imported {
  const imported = importText(text, path.basename(file));
  if (!imported) fail('empty-brief', 'the text file is empty', { at: { file, line: 1 } });
  return imported;
}
