import { describe, expect, it } from 'vitest';
import { escapeMarkdown, importText } from '../../src/import/import-text.js';
import { guessLang } from '../../src/import/guess-lang.js';
import { textBlocks } from '../../src/import/text-blocks.js';

const kinds = (text: string) => textBlocks(text).map((b) => `${b.kind}@${b.line}: ${b.text}`);

describe('plain text to blocks', () => {
  it('starts a paragraph where a hanging indent starts again, blank line or not', () => {
    const text = '  First para\n    goes on here.\n  Second para\n    goes on too.\n\n  Third.\n';
    expect(kinds(text)).toEqual(['paragraph@1: First para goes on here.', 'paragraph@3: Second para goes on too.', 'paragraph@6: Third.']);
  });

  it('starts a paragraph at a first-line indent, too', () => {
    expect(kinds('    One starts\nand wraps.\n    Two starts\nand wraps.\n')).toEqual(['paragraph@1: One starts and wraps.', 'paragraph@3: Two starts and wraps.']);
  });

  it('reads a short line alone between blank lines as a heading, a question too, but not a sentence or the last line', () => {
    const text = 'Economic Gain?\n\nText that follows.\n\nA sentence alone.\n\nMore text.\n\nSigned Someone\n';
    expect(kinds(text)).toEqual(['heading@1: Economic Gain?', 'paragraph@3: Text that follows.', 'paragraph@5: A sentence alone.', 'paragraph@7: More text.', 'paragraph@9: Signed Someone']);
  });

  it('keeps an en-dash that opens a wrapped line inside its paragraph', () => {
    const text = '  Beijing fears that ISIS-K\n     – the K standing for Khorasan – has\n     gained a foothold.\n';
    expect(kinds(text)).toEqual(['paragraph@1: Beijing fears that ISIS-K – the K standing for Khorasan – has gained a foothold.']);
  });

  it('reads bullets, dashes after a colon and numbers as list items', () => {
    expect(kinds('Goals:\n- one\n- two\n  wrapped\n')).toEqual(['paragraph@1: Goals:', 'item@2: one', 'item@3: two wrapped']);
    expect(kinds('• alpha\n• beta\n')).toEqual(['item@1: alpha', 'item@2: beta']);
    expect(textBlocks('Steps:\n1. first\n2) second\n').map((b) => [b.kind, b.number])).toEqual([['paragraph', undefined], ['item', 1], ['item', 2]]);
  });

  it('does not read a date that wraps to the start of a line as a list item', () => {
    expect(kinds('Die Sitzung fand am\n18. August statt.\n')).toEqual(['paragraph@1: Die Sitzung fand am 18. August statt.']);
  });

  it('reads a block after a line of nothing but a tab as a list item (a bullet lost in the copy)', () => {
    expect(kinds('Intro.\n\n   \t\n      Point one\n         wraps.\n\n   \t\n      Point two.\n\nAfter.\n')).toEqual(['paragraph@1: Intro.', 'item@4: Point one wraps.', 'item@8: Point two.', 'paragraph@10: After.']);
  });

  it('splits flush text where a short line ends a sentence and a capital follows', () => {
    const text = 'This line is long enough to be the width of the text block here, say.\nIt ends short.\nNext paragraph starts here and is as long as the first line was, too.\n';
    expect(kinds(text).map((k) => k.split(':')[0])).toEqual(['paragraph@1', 'paragraph@3']);
  });
});

describe('blocks to a Markdown brief', () => {
  it('escapes what Markdown would read as syntax, so the text renders as written', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <g> &amp; ~h~')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\&amp; \\~h\\~');
    expect(['# x', '> q', '- y', '+ z', '---', '1. one', '2) two', '==='].map(escapeMarkdown)).toEqual(['\\# x', '\\> q', '\\- y', '\\+ z', '\\---', '1\\. one', '2\\) two', '\\===']);
  });

  it('takes an opening heading-like line as the title, and maps every line to the text', () => {
    const imported = importText('Report on Things\n\nIt is a report. It is about things and the things they do.\n\nSummary\n\nThe end.\n', 'report.txt')!;
    expect(imported.markdown).toBe('---\ntitle: "Report on Things"\nlang: en\n---\n\n<!-- imported from report.txt by briefdeck import -->\n\nIt is a report. It is about things and the things they do.\n\n## Summary\n\nThe end.\n');
    // Front matter and comment: line 1; a blank line: the block after it.
    expect(imported.lines).toEqual([1, 1, 1, 1, 1, 1, 3, 3, 5, 5, 7, 7]);
  });

  it('joins spaces and no-break spaces from a web page, keeps one that binds a number, reads U+2011 as a hyphen', () => {
    const md = importText('in\u00a0Xinjiang, of\u00a0 the re\u2011education camp, 10\u00a0km away.\n', 'x.txt')!.markdown;
    expect(md).toContain('in Xinjiang, of the re-education camp, 10\u00a0km away.');
  });

  it('has no brief for text without words', () => {
    expect(importText('  \n\t\n\n', 'x.txt')).toBeUndefined();
  });

  it('keeps the source comment a comment whatever the file is called', () => {
    expect(importText('Text.\n', 'a-->b.txt')!.markdown).toContain('<!-- imported from a- ->b.txt by briefdeck import -->');
  });
});

describe('guessing the language', () => {
  it('tells English, German and French apart by their stopwords, and leaves out what it cannot tell', () => {
    expect(guessLang('The report is about the state of the union and the way to go on with this work for all of us.')).toBe('en');
    expect(guessLang('Die Regierung ist nicht der Meinung, dass die Lage mit der Zeit besser wird und sich das ändert.')).toBe('de');
    expect(guessLang('Le gouvernement est dans une situation que les citoyens ne comprennent pas et qui pour la suite est difficile.')).toBe('fr');
    expect(guessLang('Россия и Китай')).toBe('ru');
    expect(guessLang('Budget 2026: 12 items')).toBeUndefined();
  });
});

describe('a long text', () => {
  it('imports a 4 MB paragraph in linear time (measured in CPU time)', () => {
    const text = '  Start\n' + '    word and more words in a line of text that wraps, and then it ends-\n'.repeat(60_000);
    const start = process.cpuUsage();
    const imported = importText(text, 'long.txt')!;
    const cpu = process.cpuUsage(start);
    expect(imported.found).toEqual({ heading: 0, paragraph: 1, item: 0 });
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(2);
  });
});

describe('rules and underlines', () => {
  it('reads a line drawn under a line as a heading, and a rule between parts as nothing', () => {
    expect(kinds('Part One\n========\nText of it.\n\n- - - - -\n\n----------\nMore text.\n')).toEqual(['heading@1: Part One', 'paragraph@3: Text of it.', 'paragraph@8: More text.']);
  });
});

describe('numbered headings', () => {
  it('reads "2. Background" alone between paragraphs as a heading, number kept, but not a numbered list', () => {
    expect(kinds('1. Introduction\n\nWhy this.\n\n2. Background\n\nWhat came before.\n')).toEqual(['heading@1: 1. Introduction', 'paragraph@3: Why this.', 'heading@5: 2. Background', 'paragraph@7: What came before.']);
    expect(kinds('Steps:\n\n1. First step\n\n2. Second step\n\nDone.\n').map((k) => k.split(':')[0])).toEqual(['paragraph@1', 'item@3', 'item@5', 'paragraph@7']);
    expect(importText('Intro text here.\n\n2. Background\n\nMore.\n', 'x.txt')!.markdown).toContain('\n## 2\\. Background\n');
  });
});

describe('the title', () => {
  it('is never a rule drawn above the text', () => {
    expect(importText('==========\n  A memo about the budget\n    for next year.\n', 'memo.txt')!.markdown).toMatch(/^---\ntitle: "A memo about the budget"\n/);
  });
});
