// The deck-quality phase of `npm run bench`: how the example presents, condensed (the default) and
// full, fitted in Chromium: slides, bullets per slide, words per bullet, fill of each body slide,
// overflow and words missing (src/build/deck-quality.ts), with the targets of issue 14.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function qualityPhase(root, { brief, browserPath }) {
  const lib = await import(pathToFileURL(path.join(root, 'lib', 'index.js')).href);
  const session = new lib.BrowserSession({ browserPath });
  try {
    const out = {};
    for (const mode of ['condensed', 'full']) out[mode] = lib.deckQuality(await lib.composeDeck(brief, { browser: session, mode }));
    return out;
  } finally {
    await session.close();
  }
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function formatQuality(quality) {
  const rows = ['| mode | slides | key judgements | bullets / body slide | words / bullet (mean, max) | fill (mean, min–max) | overflowing | words missing |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const [mode, q] of Object.entries(quality)) {
    const fills = q.body.map((b) => b.fill).filter((f) => f !== undefined);
    const bullets = q.body.map((b) => b.bullets);
    rows.push(`| ${mode} | ${q.slides} | slide ${q.keyJudgementsAt ?? '–'} | ${bullets.join(' ')} | ${q.wordsPerBullet.mean}, ${q.wordsPerBullet.max} | ${fills.length ? `${Math.round(100 * mean(fills))} %, ${Math.round(100 * Math.min(...fills))}–${Math.round(100 * Math.max(...fills))} %` : 'not measured'} | ${q.overflowing} | ${q.wordsMissing} |`);
  }
  const c = quality.condensed;
  const ok = (pass) => (pass ? 'met' : 'MISSED');
  rows.push('', `Targets (condensed): ≤ 20 slides ${ok(c.slides <= 20)}; key judgements second ${ok(c.keyJudgementsAt === 2)}; 3–5 bullets a content slide ${ok(c.sparse.length === 0 && c.body.every((b) => b.bullets <= 5))}; words per bullet mean ≤ 22 ${ok(c.wordsPerBullet.mean <= 22)}, none over 35 ${ok(c.wordsPerBullet.max <= 35)}; closing with all ${c.closingPoints} conclusion points; 0 overflowing ${ok(c.overflowing === 0 && quality.full.overflowing === 0)}; no word missing ${ok(c.wordsMissing === 0 && quality.full.wordsMissing === 0)}.`);
  return `Deck quality (the example, fitted):\n\n${rows.join('\n')}`;
}
