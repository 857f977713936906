import { describe, expect, it } from 'vitest';
import { checkNesting, MAX_NESTING } from '../../src/lex/nesting.js';
import { BriefdeckError } from '../../src/errors.js';

function nested(levels: number): string {
  return Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
}

function lineOfRefusal(body: string): number | undefined {
  try {
    checkNesting(body, 'x.md', 10);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(BriefdeckError);
    return (error as BriefdeckError).at?.line;
  }
}

describe('checkNesting', () => {
  it('allows the limit and refuses one level more, at the line that goes deeper', () => {
    expect(lineOfRefusal(nested(MAX_NESTING))).toBeUndefined();
    expect(lineOfRefusal(nested(MAX_NESTING + 1))).toBe(10 + MAX_NESTING);
    expect(lineOfRefusal(`${'>'.repeat(MAX_NESTING)} x`)).toBeUndefined();
    expect(lineOfRefusal(`text\n\n${'> '.repeat(MAX_NESTING + 1)}x`)).toBe(12);
    expect(lineOfRefusal(`${'- '.repeat(MAX_NESTING + 1)}x`)).toBe(10);
    expect(lineOfRefusal(`> ${'- '.repeat(MAX_NESTING)}x`)).toBe(10);
  });

  it('counts what closes: sibling items, dedented text after a blank line, rules and code', () => {
    const siblings = Array.from({ length: 200 }, () => nested(5)).join('\n');
    expect(lineOfRefusal(siblings)).toBeUndefined();
    expect(lineOfRefusal(`${nested(15)}\n\ntext\n\n${nested(15)}`)).toBeUndefined();
    expect(lineOfRefusal(Array(50).fill('- - -').join('\n\n'))).toBeUndefined();
    expect(lineOfRefusal(`\`\`\`\n${nested(40)}\n\`\`\``)).toBeUndefined();
    expect(lineOfRefusal(`    ${'- '.repeat(40)}x`)).toBeUndefined();
  });

  it('is not fooled by a fence its list item closes, or by lazy continuation lines', () => {
    expect(lineOfRefusal(`- \`\`\`\n${nested(30)}`)).toBeDefined();
    const lazy = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- x\nlazy`).join('\n');
    expect(lineOfRefusal(lazy)).toBeDefined();
  });
});
