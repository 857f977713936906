import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { leadOf, MAX_BULLET_WORDS, shorten } from '../../src/split/shorten.js';
import { sentences } from '../../src/split/sentences.js';
import { countWords, words } from '../../src/lex/markdown.js';
import { fixture } from '../helpers/fixtures.js';

const cases = JSON.parse(await readFile(fixture('shorten/en.json'), 'utf8')) as Array<[string, string, string[]]>;

/** Deletion only: the shortened words are the sentence's words, in order, none added. */
function isSubsequence(short: string, long: string): boolean {
  const whole = words(long.toLowerCase());
  let i = 0;
  for (const w of words(short.toLowerCase())) {
    while (i < whole.length && whole[i] !== w) i++;
    if (i++ >= whole.length) return false;
  }
  return true;
}

describe('shortening a lead sentence by deletion (real sentences)', () => {
  it.each(cases)('%s', (sentence, expected, rules) => {
    const out = shorten(sentence, 'en');
    expect(out.text).toBe(expected);
    expect(out.rules).toEqual(rules);
    expect(isSubsequence(out.text, sentence)).toBe(true);
    // Still a sentence: a capital first, its final stop kept.
    expect(out.text).toMatch(/^[“"‘]?\p{Lu}/u);
    expect(/[.!?]["”’]?(?:\[\^\w+\])?$/.test(out.text)).toBe(/[.!?]["”’]?(?:\[\^\w+\])?$/.test(sentence));
  });

  it('cuts only what every language marks the same way (brackets, paired dashes) in other languages', () => {
    expect(shorten('Die Lage (seit August) bleibt angespannt und unübersichtlich für alle.', 'de').text).toBe('Die Lage bleibt angespannt und unübersichtlich für alle.');
    expect(shorten('However, the Lage bleibt angespannt und sehr unübersichtlich.', 'de').rules).toEqual([]);
  });

  it('takes the first sentence short enough to read at a glance when the lead is too long even shortened', () => {
    const long = `Russia has suffered ${'a long series of attacks and '.repeat(6)}sees them as a threat.`;
    const all = [long, 'Therefore, secondly, such groups should be prevented from regaining a foothold.'];
    const lead = leadOf(all, 'en');
    expect(countWords(long)).toBeGreaterThan(MAX_BULLET_WORDS);
    expect(lead).toMatchObject({ sentence: 2, text: 'Such groups should be prevented from regaining a foothold.' });
    expect(leadOf(sentences('One short lead. A second.', 'en').map((s) => s.trim()), 'en')).toMatchObject({ sentence: 1, text: 'One short lead.', rules: [] });
  });
});
