// Deterministic bench inputs: the example brief repeated `scale` times, each copy varied so no two
// sections are the same text (sentences reordered by a seeded generator), words kept exactly.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RE_FRONT = /^---\n([\s\S]*?)\n---\n/;
const RE_SENTENCE_END = /(?<=[.!?”])\s+(?=[A-Z“])/;

/** mulberry32: a small seeded generator, so every run and every machine gets the same brief. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, next) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Reorders the sentences of a prose line (paragraph or list item), leaving its marker in place. */
function varyLine(line, next) {
  const marker = /^(\s*(?:[-*+]|\d+\.)\s+)?/.exec(line)[0];
  const text = line.slice(marker.length);
  if (text.startsWith('#') || text.startsWith('|') || text.startsWith('<!--')) return line;
  const sentences = text.split(RE_SENTENCE_END);
  return sentences.length < 2 ? line : marker + shuffle(sentences, next).join(' ');
}

/** The body's sections: the text before the first `##` (the summary), then one per `##`. */
function sectionsOf(body) {
  return body.split(/\n(?=## )/);
}

function copyOf(sections, copy, next) {
  return sections.map((section, i) => {
    const lines = section.split('\n').map((l) => varyLine(l, next));
    if (i === 0) return [`## Part ${copy}: Overview`, '', ...lines].join('\n');
    lines[0] = `${lines[0]} (part ${copy})`;
    return lines.join('\n');
  });
}

/** The example `scale` times over; scale 1 is the example itself, byte for byte. */
export function generateBrief(source, scale) {
  if (scale === 1) return source;
  const front = RE_FRONT.exec(source);
  if (!front) throw new Error('the bench source brief has no front matter');
  const body = source.slice(front[0].length).replace(/\s+$/, '');
  const sections = sectionsOf(body);
  const next = random(0x5eed + scale);
  const parts = [body];
  for (let copy = 2; copy <= scale; copy++) parts.push(copyOf(sections, copy, next).join('\n'));
  const meta = front[1].replace(/^title: "?(.*?)"?$/m, (_, t) => `title: "${t} (${scale}×)"`);
  return `---\n${meta}\n---\n${parts.join('\n\n')}\n`;
}

export function countWords(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu) ?? []).length;
}

/** Writes `<dir>/brief-<scale>x.md` for each scale; returns their paths and word counts. */
export async function writeBriefs(sourceFile, scales, dir) {
  const source = await readFile(sourceFile, 'utf8');
  await mkdir(dir, { recursive: true });
  const out = [];
  for (const scale of scales) {
    const text = generateBrief(source, scale);
    const file = path.join(dir, `brief-${scale}x.md`);
    await writeFile(file, text);
    out.push({ scale, file, words: countWords(text.slice(RE_FRONT.exec(text)[0].length)) });
  }
  return out;
}
