import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadIndexTemplate } from '../load/load-templates.js';
import { renderIndex } from '../render/render-index.js';
import type { IndexEntry } from '../types.js';
import { readManifest, sha256, type Manifest } from '../cache/manifest.js';
import { settleFolder } from './commit-journal.js';
import { stageOutputs } from './stage-outputs.js';

/** The listing entry for one deck folder, from its manifest. */
export function entryOf(name: string, manifest: Manifest): IndexEntry | undefined {
  const deck = manifest.deck;
  if (!deck || !manifest.files['index.html']) return undefined;
  const current = manifest.input?.outputs ?? [];
  return {
    name,
    title: deck.title,
    date: deck.date,
    lang: deck.lang,
    slides: deck.slides.length,
    brief: deck.brief,
    pdfs: current.filter((f) => f.toLowerCase().endsWith('.pdf')),
    built: true,
  };
}

/** Every deck briefdeck has built in `outDir`, read from the folders' manifests. */
export async function listDecks(outDir: string): Promise<IndexEntry[]> {
  let dirs;
  try {
    dirs = (await readdir(outDir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.'));
  } catch {
    return [];
  }
  const entries: IndexEntry[] = [];
  for (const dir of dirs) {
    const manifest = await readManifest(path.join(outDir, dir.name));
    const entry = manifest && entryOf(dir.name, manifest);
    if (entry) entries.push(entry);
  }
  return entries;
}

async function unchanged(outDir: string, hash: string): Promise<boolean> {
  try {
    return sha256(await readFile(path.join(outDir, 'index.html'))) === hash;
  } catch {
    return false;
  }
}

/**
 * Writes `<outDir>/index.html` listing every deck there, when there are two or more (one deck
 * needs no index) and it differs from the one there. Staged like a deck, so the folder's own manifest records it as briefdeck's;
 * like a deck it refuses a folder holding someone's files, or an index edited by hand, unless `force`.
 */
export async function writeDeckIndex(outDir: string, options: { force?: boolean; template?: string } = {}): Promise<string | undefined> {
  await settleFolder(outDir);
  const entries = await listDecks(outDir);
  if (entries.length < 2) return undefined;
  const html = renderIndex(entries, await loadIndexTemplate(options.template));
  const recorded = (await readManifest(outDir))?.files['index.html'];
  if (recorded?.sha256 === sha256(html) && (await unchanged(outDir, recorded.sha256))) return undefined;
  const staging = await stageOutputs(outDir, { force: options.force });
  try {
    await staging.write('index.html', html);
    const [written] = await staging.commit();
    return written;
  } catch (error) {
    throw staging.failure(error);
  } finally {
    await staging.discard();
  }
}
