import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordsMissingFromDeck } from '../helpers/lost-words.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { BriefdeckError } from '../../src/errors.js';
import { lexBrief } from '../../src/lex/lex-brief.js';
import { parseBrief } from '../../src/load/load-brief.js';
import { briefText } from '../helpers/brief-arbitrary.js';
import { composeText } from '../helpers/compose.js';
import { tempDir } from '../helpers/fixtures.js';

/** 400 briefs by default (a few seconds); raise it with BRIEFDECK_PROPERTY_RUNS=10000 to hunt harder. */
const RUNS = Number(process.env.BRIEFDECK_PROPERTY_RUNS ?? 400);

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(() => remove());

describe('generated briefs (property)', () => {
  it(`build or fail with a located BriefdeckError, and lose no word (${RUNS} briefs)`, async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(briefText, async (text) => {
        const { file, result, error } = await composeText(dir, text);
        if (!result) {
          expect(error).toBeInstanceOf(BriefdeckError);
          expect((error as BriefdeckError).at).toMatchObject({ file, line: expect.any(Number) });
          return;
        }
        const { blocks } = lexBrief(parseBrief(text, file, new Diagnostics()));
        expect(wordsMissingFromDeck(blocks, result.deck)).toEqual([]);
        built++;
      }),
      { numRuns: RUNS },
    );
    // A generator that mostly made invalid briefs would prove little.
    expect(built).toBeGreaterThan(RUNS * 0.9);
  }, 600_000);
});
