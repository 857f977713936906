import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, shared with `npm run check:layers`
import { checkLayers } from '../scripts/check-layers.mjs';

describe('the stage order of src/ (CONTRIBUTING.md)', () => {
  it('has no import back up the order, no I/O in the middle and no import cycle', () => {
    expect(checkLayers()).toEqual([]);
  });
});
