import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { BriefdeckError } from '../../src/errors.js';
import { parseBrief } from '../../src/load/load-brief.js';

function meta(front: string) {
  const diagnostics = new Diagnostics();
  const brief = parseBrief(`---\ntitle: T\n${front}\n---\n\nBody.\n`, 'content/x.md', diagnostics);
  return { meta: brief.meta, diagnostics };
}

describe('front matter for handouts and PDF metadata', () => {
  it('reads organisation, keywords (list or comma-separated) and paper', () => {
    expect(meta('organisation: Institute for Testing\nkeywords: [arms control, Asia]\npaper: letter').meta).toMatchObject({
      organisation: 'Institute for Testing',
      keywords: ['arms control', 'Asia'],
      paper: 'letter',
    });
    expect(meta('keywords: "arms control,  Asia , "').meta.keywords).toEqual(['arms control', 'Asia']);
    const { meta: plain, diagnostics } = meta('lang: en');
    expect(plain).toMatchObject({ keywords: [], organisation: undefined, paper: undefined });
    expect(diagnostics.list).toEqual([]);
  });

  it('rejects an unknown paper size at its line', () => {
    try {
      meta('lang: en\npaper: a5');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BriefdeckError);
      expect((error as BriefdeckError).describe()).toBe('content/x.md:4:1: `paper` must be one of a4, letter (got "a5")');
    }
  });

  it('rejects an organisation that is not text', () => {
    expect(() => meta('organisation: [a, b]')).toThrow('`organisation` must be text, not a list');
  });
});
