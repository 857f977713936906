import { fail } from '../errors.js';

/**
 * How deep quotes and lists may nest, counted together. A slide shows three or four levels at
 * most; marked lexes each level again and overflows its stack at about a thousand, and splitting
 * re-lexes every level of a list it cuts, so depth costs more than linear time.
 */
export const MAX_NESTING = 20;

const RE_QUOTE = / {0,3}> ?/y;
/** A list marker and the spaces after it (the item's content starts after them). */
const RE_ITEM = /(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/y;
const RE_RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const RE_FENCE = /^ *(`{3,}|~{3,})/;

interface Fence {
  mark: string;
  /** The content column and quote depth it was opened in: a line left of either ends it. */
  column: number;
  quotes: number;
}

function countQuotes(line: string): { quotes: number; end: number } {
  let quotes = 0;
  let end = 0;
  RE_QUOTE.lastIndex = 0;
  // Past the limit, the count no longer matters: a line of 100,000 `>` is not scanned to its end.
  while (quotes <= MAX_NESTING && RE_QUOTE.test(line)) {
    quotes++;
    end = RE_QUOTE.lastIndex;
  }
  return { quotes, end };
}

function indentOf(line: string, from: number): number {
  let i = from;
  while (line[i] === ' ') i++;
  return i - from;
}

/** Pushes the content column of each list marker chained on the line (`- - - x` nests three). */
function pushItems(rest: string, stack: number[]): void {
  let at = 0;
  for (;;) {
    const start = at + indentOf(rest, at);
    RE_ITEM.lastIndex = start;
    if (stack.length > MAX_NESTING || RE_RULE.test(rest.slice(at)) || !RE_ITEM.test(rest)) return;
    while (stack.length > 0 && stack[stack.length - 1] > start) stack.pop();
    at = RE_ITEM.lastIndex;
    stack.push(at);
  }
}

/**
 * Refuses, with its line, a body whose quotes and lists nest deeper than MAX_NESTING, before marked
 * sees it. A cautious reading of CommonMark's containers: a line's `>` marks, plus the list items
 * still open by indentation; fenced code is skipped, and lazy continuation lines close nothing.
 */
export function checkNesting(body: string, file: string, firstLine: number): void {
  const stack: number[] = [];
  let fence: Fence | undefined;
  let afterBlank = false;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\t/g, '    ');
    const { quotes, end } = countQuotes(line);
    const rest = line.slice(end);
    if (rest.trim() === '') {
      afterBlank = true;
      continue;
    }
    const indent = indentOf(rest, 0);
    if (fence) {
      if (quotes >= fence.quotes && indent >= fence.column) {
        if (rest.trim().startsWith(fence.mark)) fence = undefined;
        continue;
      }
      fence = undefined;
    }
    const top = stack[stack.length - 1] ?? 0;
    // Four spaces past the innermost item's content is code or continuation text, never a new item.
    if (indent < top + 4) {
      const opens = RE_FENCE.exec(rest);
      if (opens) {
        while (stack.length > 0 && stack[stack.length - 1] > indent) stack.pop();
        fence = { mark: opens[1], column: stack[stack.length - 1] ?? 0, quotes };
      } else {
        if (afterBlank) while (stack.length > 0 && stack[stack.length - 1] > indent) stack.pop();
        pushItems(rest, stack);
      }
    }
    afterBlank = false;
    const depth = quotes + stack.length;
    if (depth > MAX_NESTING) {
      fail('nesting-too-deep', `quotes and lists nest more than ${MAX_NESTING} levels deep here; a slide cannot show that many`, { at: { file, line: firstLine + i, column: 1 } });
    }
  }
}
