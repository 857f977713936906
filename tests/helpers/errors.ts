import { expect } from 'vitest';
import { BriefdeckError } from '../../src/errors.js';

/** The BriefdeckError `run` rejects with; fails the test if it resolves or throws anything else. */
export async function failure(run: () => Promise<unknown>): Promise<BriefdeckError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BriefdeckError);
  return error as BriefdeckError;
}
