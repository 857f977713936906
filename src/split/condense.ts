import type { Links, Token, Tokens } from 'marked';
import { countWords, lexMarkdown } from '../lex/markdown.js';
import type { Block, Section } from '../types.js';
import { isConclusionHeading, ownNumber } from './furniture.js';
import { sentences } from './sentences.js';
import { leadOf, MAX_BULLET_WORDS, shorten, type Lead } from './shorten.js';

export interface CondenseContext {
  lang: string;
  links: Links;
  /** The deck ends on a closing slide that recalls the conclusion's points (furniture.ts). */
  closing?: boolean;
}

const RE_SENTENCE_NUMBER = /^\d+$/;

/** A section that is the brief's bottom line, in the languages briefdeck has labels for. */
const RE_SUMMARY =
  /^(?:summary|key judg(?:e)?ments|executive summary|bottom line(?: up front)?|main points|zusammenfassung|kernaussagen|das wichtigste in kürze|résumé|synthèse|points clés|resumen(?: ejecutivo)?|puntos clave|краткое содержание|резюме|ключевые выводы|摘要|内容提要|核心判断|要旨|概要|要約|ملخص|الأحكام الرئيسية)$/iu;

export function isSummaryHeading(heading: string): boolean {
  const own = ownNumber(heading);
  return RE_SUMMARY.test((own ? heading.trim().slice(own.length) : heading).trim().replace(/[:.]$/, ''));
}

/** A paragraph that is only an image (or images) is a figure; it stays as it is. */
function isFigure(token: Token): boolean {
  const inner = 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
  return inner.length > 0 && inner.every((t: Token) => t.type === 'image' || (t.type === 'text' && t.raw.trim() === '') || t.type === 'br');
}

function isProse(block: Block): boolean {
  return block.token.type === 'paragraph' && !block.directive && !isFigure(block.token);
}

function flat(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ').trim();
}

/** A sentence that ends in a footnote reference ("…installed one.[^survey] The most…") ends there. */
const RE_AFTER_FOOTNOTE = /(?<=[.!?]["”’]?\[\^[^\]\s]+\])\s+(?=\S)/u;

function sentencesOf(text: string, lang: string): string[] {
  return sentences(flat(text), lang)
    .flatMap((s) => s.split(RE_AFTER_FOOTNOTE))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The bullet's text: the author's own gist, the sentence a gist names, else the lead (shorten.ts). */
function leadFor(all: string[], text: string, gist: string | undefined, lang: string): Lead {
  if (gist && !RE_SENTENCE_NUMBER.test(gist)) return { text: gist, rules: [], sentence: 0, words: 0 };
  const from = gist ? Math.max(0, Math.min(all.length - 1, Number(gist) - 1)) : 0;
  return leadOf(all, lang, from) ?? { text: flat(text), rules: [], sentence: 1, words: 0 };
}

function shortenedOf(lead: Lead, all: string[]): Block['shortened'] {
  if (lead.rules.length === 0 && lead.sentence <= 1) return undefined;
  return { from: all[lead.sentence - 1] ?? '', sentence: lead.sentence, rules: lead.rules };
}

function listBlock(block: Block, markdown: string, ctx: CondenseContext): Block | undefined {
  const token = lexMarkdown(markdown, ctx.links).find((t) => t.type === 'list');
  return token ? { token, line: block.line } : undefined;
}

function bullet(block: Block, gist: string | undefined, ctx: CondenseContext): Block {
  const text = flat(block.token.raw);
  const all = sentencesOf(text, ctx.lang);
  const lead = leadFor(all, text, gist, ctx.lang);
  const made = listBlock(block, `- ${lead.text}`, ctx);
  if (!made) return block;
  const shortened = shortenedOf(lead, all);
  // The whole text goes to the notes, so nothing the author wrote is lost.
  return { ...made, notes: lead.text === text ? undefined : [block.token.raw.trim()], ...(shortened ? { shortened } : {}) };
}

/** An item holding a nested list, code or a table is structure, not prose: it stays whole. */
function hasStructure(item: Tokens.ListItem): boolean {
  return item.tokens.some((t) => t.type === 'list' || t.type === 'code' || t.type === 'table');
}

function indent(text: string, by: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(by)}`);
}

/**
 * A list the author wrote stays one list (it packs whole when it fits): each item of prose becomes
 * its lead, structure stays as written, and the whole list as written goes to the notes.
 */
function condenseList(block: Block, ctx: CondenseContext): Block {
  const list = block.token as Tokens.List;
  let changed = false;
  const shortened: NonNullable<Block['shortened']>[] = [];
  const items = list.items.map((item, i) => {
    const marker = list.ordered ? `${(Number(list.start) || 1) + i}.` : '-';
    const task = item.task ? `[${item.checked ? 'x' : ' '}] ` : '';
    if (hasStructure(item)) return `${marker} ${indent(item.raw.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, ''), marker.length + 1)}`;
    const text = flat(item.text);
    const all = sentencesOf(text, ctx.lang);
    const lead = leadFor(all, text, undefined, ctx.lang);
    if (lead.text !== text) changed = true;
    const s = shortenedOf(lead, all);
    if (s) shortened.push(s);
    return `${marker} ${task}${lead.text}`;
  });
  if (!changed) return block;
  const made = listBlock(block, items.join('\n'), ctx);
  if (!made) return block;
  return { ...made, notes: [list.raw.trim()], ...(shortened.length > 0 ? { shortened: shortened[0] } : {}) };
}

/**
 * Condensed mode, for presenting: each paragraph becomes a bullet with its gist and carries the
 * full paragraph into the speaker notes of whichever slide it lands on; a list keeps its items as
 * their leads. Tables, code, quotes, figures and headings stay as they are.
 */
export function condense(blocks: Block[], ctx: CondenseContext): Block[] {
  let gist: string | undefined;
  return blocks.map((block) => {
    if (block.directive?.kind === 'gist') {
      gist = block.directive.text;
      return block;
    }
    // Other directives (notes, title) stand between a gist and its paragraph without undoing it.
    if (block.directive) return block;
    const given = gist;
    gist = undefined;
    if (block.token.type === 'list') return condenseList(block, ctx);
    return isProse(block) ? bullet(block, given, ctx) : block;
  });
}

/** Bullets on the key judgements slide: the bottom line, at a glance. */
const KEY_JUDGEMENTS = { min: 3, max: 5 };

/**
 * The key judgements: a summary of three paragraphs or more gives a bullet each, like any section;
 * a shorter one gives its sentences in order (shortened, each short enough to read at a glance),
 * up to five, with every paragraph as written in the notes.
 */
function keyJudgements(blocks: Block[], ctx: CondenseContext): Block[] {
  const units = blocks.reduce((n, b) => n + (isProse(b) ? 1 : b.token.type === 'list' ? (b.token as Tokens.List).items.length : 0), 0);
  const prose = blocks.filter(isProse);
  if (units >= KEY_JUDGEMENTS.min || prose.length === 0 || prose.length !== blocks.filter((b) => !b.directive).length) return condense(blocks, ctx);
  let room = KEY_JUDGEMENTS.max;
  const out: Block[] = [];
  // A paragraph that gives no bullet (the slide is full) still gives its text to the notes.
  let unplaced: string[] = [];
  for (const block of blocks) {
    if (!isProse(block)) {
      out.push(block);
      continue;
    }
    const picked: string[] = [];
    for (const sentence of sentencesOf(block.token.raw, ctx.lang)) {
      const { text } = shorten(sentence, ctx.lang);
      if (room > 0 && countWords(text) <= MAX_BULLET_WORDS) {
        picked.push(`- ${text}`);
        room--;
      }
    }
    const notes = [...unplaced, block.token.raw.trim()];
    const made = picked.length > 0 ? listBlock(block, picked.join('\n'), ctx) : undefined;
    if (made) {
      out.push({ ...made, notes });
      unplaced = [];
    } else {
      const last = out.findLast((b) => b.notes);
      if (last) last.notes = [...(last.notes ?? []), ...notes];
      else unplaced = notes;
    }
  }
  return unplaced.length > 0 ? condense(blocks, ctx) : out;
}

/** The section that holds the bottom line: the text before the first heading, else one named for it. */
function summaryAt(sections: Section[]): number {
  if (sections[0]?.blocks.some((b) => !b.directive)) return 0;
  const named = sections.findIndex((s) => s.heading !== null && isSummaryHeading(s.heading));
  return named > 0 ? named : 0;
}

/**
 * The brief's sections in the order they are presented: the bottom line up front. A summary the
 * author put under a heading of its own moves before the first section, as the key judgements.
 */
export function presentingOrder(written: Section[]): Section[] {
  const at = summaryAt(written);
  if (at === 0) return written;
  const summary = written[at];
  // Notes written before the first heading stay first, with the summary moved up to them.
  const moved: Section = { ...summary, heading: null, headingToken: undefined, title: summary.heading ?? undefined, blocks: [...written[0].blocks, ...summary.blocks] };
  return [moved, ...written.filter((_, i) => i !== 0 && i !== at)].map((section, index) => ({ ...section, index }));
}

/**
 * The sections condensed for presenting (given in presenting order): the first as the key
 * judgements, each other condensed, and the conclusion's list left to the closing slide that
 * recalls it, so it is not shown twice.
 */
export function condenseSections(ordered: Section[], ctx: CondenseContext): Section[] {
  const last = ordered[ordered.length - 1];
  const recalled = ctx.closing !== false && last?.heading && isConclusionHeading(last.heading) ? last.blocks.findLast((b) => b.token.type === 'list') : undefined;
  return ordered.map((section, index) => {
    const own = section === last && recalled && section.blocks.some((b) => b !== recalled && isProse(b)) ? section.blocks.filter((b) => b !== recalled) : section.blocks;
    return { ...section, blocks: index === 0 ? keyJudgements(own, ctx) : condense(own, ctx) };
  });
}
