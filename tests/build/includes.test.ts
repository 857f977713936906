import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import { checkBrief } from '../../src/build/check-brief.js';
import { wordsMissingFromDeck } from '../helpers/lost-words.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { BriefdeckError } from '../../src/errors.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { inputKey } from '../../src/cache/input-key.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const shown = (file: string) => path.relative(process.cwd(), file);
const BRIEF = fixture('includes/brief.md');
let out: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir: out, remove } = await tempDir());
});
afterAll(() => remove());

describe('building a brief with includes', () => {
  it('the deck shows the included words and images; warnings name the file and line they were written at', async () => {
    const result = await buildDeck(BRIEF, { outDir: out, fit: false });
    const html = result.deck.html;
    expect(html).toContain('Annex words from the included file.');
    expect(html).toContain('Detail words, two folders down.');
    // parts/img/dot.png: relative to the annex, not to the brief.
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="a dot, found next to the annex"/);
    expect(html).toContain('&lt;!-- include: parts/annex.md --&gt;');
    expect(result.diagnostics.list.map(formatDiagnostic)).toEqual([
      `${shown(fixture('includes/parts/annex.md'))}:7 error image-missing image not found: img/missing.png`,
      `${shown(BRIEF)}:21 error image-missing image not found: missing.png`,
    ]);
    expect(wordsMissingFromDeck(lexBrief(result.deck.brief).blocks, result.deck)).toEqual([]);
  });

  it('check lints included text at its own file and line', async () => {
    const result = await checkBrief(BRIEF, { fit: false });
    expect(result.diagnostics.filter((d) => d.code === 'image-missing').map((d) => [shown(d.at!.file), d.at!.line])).toEqual([
      [shown(fixture('includes/parts/annex.md')), 7],
      [shown(BRIEF), 21],
    ]);
  });

  it('an image path that names two files, in the brief and in an included file of another folder, is an error', async () => {
    const error = await composeDeck(fixture('includes/refused/ambiguous.md'), { fit: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefdeckError);
    expect((error as BriefdeckError).describe()).toBe(
      `${shown(fixture('includes/refused/parts/ambiguous.md'))}:1: image chart.png names another file here than at ${shown(fixture('includes/refused/ambiguous.md'))}:7; give one of them another path`,
    );
  });

  it('the build key covers the expanded text and where each line came from', async () => {
    const { deck, input } = await composeDeck(BRIEF, { fit: false });
    const parts = { brief: deck.brief, images: input.images, templates: input.templates, assets: input.assets, options: {}, version: 'x' };
    const moved = { ...deck.brief, lines: deck.brief.lines!.map((s) => ({ ...s, file: `moved/${s.file}` })) };
    expect(inputKey({ ...parts, brief: moved })).not.toBe(inputKey(parts));
    expect(inputKey({ ...parts, brief: { ...deck.brief, body: deck.brief.body.replace('Annex words', 'Annex text') } })).not.toBe(inputKey(parts));
  });
});
