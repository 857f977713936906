import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import createDebug from 'debug';
import type { PDFDocument } from 'pdf-lib';
import type { Deck } from '../types.js';
import type { BrowserSession } from '../browser/browser-session.js';
import { mergePdfs } from './merge-pdfs.js';
import type { SlideRange } from '../browser/run-on-pages.js';
import { chunkHtml, splitDeck } from './split-deck.js';

const debug = createDebug('briefdeck:export');

/** Prints chunk deck files (file `i` holds the slides of range `i`), given every id of the whole deck. */
export type PrintChunks = (files: string[], ids: string[]) => Promise<Uint8Array[]>;

/**
 * Prints a large deck in chunks and merges them. Chromium's print time grows faster than the page
 * count, so chunks of a few hundred slides print in a fraction of the time of one job of all; they
 * run in parallel pages of the one browser, as many at once as the session allows (the cores),
 * and print() settles every chunk before it fails, so none reads a file being removed.
 * Each chunk is a deck file of its own beside the deck, so links resolve as from the deck itself;
 * the files are removed afterwards.
 */
export async function printInChunks(session: BrowserSession, htmlPath: string, deck: Deck, ranges: SlideRange[], print: PrintChunks): Promise<PDFDocument> {
  const split = await splitDeck(session, await readFile(htmlPath, 'utf8'), deck);
  const base = path.join(path.dirname(htmlPath), `.${path.basename(htmlPath, '.html')}.chunk`);
  const files = ranges.map((_, i) => `${base}-${i + 1}.html`);
  try {
    await Promise.all(ranges.map((range, i) => writeFile(files[i], chunkHtml(split, split.sections.slice(range.start, range.end)))));
    debug('printing %s in %d chunks', deck.brief.file, ranges.length);
    return await mergePdfs(await print(files, split.ids));
  } finally {
    await Promise.all(files.map((file) => rm(file, { force: true })));
  }
}
