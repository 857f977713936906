import type { Links, Tokens } from 'marked';
import { lexMarkdown, plainText } from '../lex/markdown.js';
import { toBlocks } from '../lex/lex-brief.js';
import type { Labels } from '../i18n/labels.js';
import type { Block, Brief, Divider, Section, Slide } from '../types.js';
import { bodyLines, layoutFor } from './layout.js';
import { sentences } from './sentences.js';
import { leadOf } from './shorten.js';
import { assignIds } from './slide-id.js';
import { draftsOf } from './to-slides.js';

/** Three sections make an agenda worth a slide; fewer are seen at a glance. */
export const AGENDA_MIN_SECTIONS = 3;

/** Headings that close a brief, in the languages briefdeck has labels for. */
const RE_CONCLUSION =
  /^(?:conclusions?|in conclusion|concluding remarks|key (?:points|takeaways|findings)|takeaways|recommendations?|outlook|fazit|schlussfolgerungen?|ausblick|conclusión|conclusiones|conclusions? et recommandations|заключение|выводы|结论|总结|結論|まとめ|الخلاصة|خاتمة|الاستنتاجات)(?![\p{L}\p{N}])/iu;

/**
 * The number an author gave a heading: `1.`, `1)`, `2.3`, `IV.`, `A)`, then a space. A bare
 * number, letter or roman numeral does not count, so "2026 outlook", "I think", "A new order" do not.
 */
const RE_OWN_NUMBER = /^(?:\d+(?:\.\d+)*[.)]|\d+(?:\.\d+)+|[IVXLCDM]+[.)]|[A-Z][.)])(?=\s)/;

export function ownNumber(heading: string): string | undefined {
  return RE_OWN_NUMBER.exec(heading.trim())?.[0];
}

export function isConclusionHeading(heading: string): boolean {
  return RE_CONCLUSION.test(heading.trim().replace(/^\d+[.)]?\s*/, ''));
}

/** Entries on one agenda slide (two columns of six); a longer agenda continues on the next. */
export const AGENDA_PER_SLIDE = 12;

/**
 * The slide each headed section opens with: its divider, or, without one, its first slide. The
 * agenda, the handout's contents and the outline point there.
 */
export function sectionStarts(slides: Slide[]): Slide[] {
  const seen = new Set<number>();
  return slides.filter((s) => {
    const opens = s.kind === 'section' || ((s.kind === 'content' || s.kind === 'sources') && s.part === 1);
    if (!opens || seen.has(s.sectionIndex)) return false;
    seen.add(s.sectionIndex);
    return true;
  });
}

function agendaSlide(slides: Slide[], labels: Labels): Slide[] {
  const starts = sectionStarts(slides);
  const at = slides.indexOf(starts[0]);
  const parts = Math.max(1, Math.ceil(starts.length / AGENDA_PER_SLIDE));
  const drafts: Slide[] = Array.from({ length: parts }, (_, i) => ({
    id: '', kind: 'agenda', title: labels.agenda, part: i + 1, parts, blocks: [], notes: [], line: slides[at].line, sectionIndex: 0, generated: true,
  }));
  return [...slides.slice(0, at), ...drafts, ...slides.slice(at)];
}

/**
 * The lead sentence of each point: a closing slide recalls the points, it does not repeat them.
 * Presenting (condensed), the lead is shortened as the bullets are (shorten.ts).
 */
function pointsOf(list: Tokens.List, lang: string, condensed: boolean): string {
  return list.items
    .map((item, i) => {
      const first = item.tokens.find((t) => t.type === 'text' || t.type === 'paragraph') as Tokens.Text | undefined;
      const all = sentences((first?.text ?? item.text).replace(/\s+/g, ' '), lang).map((s) => s.trim());
      const lead = (condensed ? leadOf(all, lang)?.text : all[0]) ?? '';
      return `${list.ordered ? `${(Number(list.start) || 1) + i}.` : '-'} ${lead}`;
    })
    .join('\n');
}

/** The items of a slide's lists, as text: what a closing recall must not merely repeat. */
function itemTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.token.type === 'list' ? (b.token as Tokens.List).items.map((item) => normalized(plainText(item))) : []));
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The closing slide's text: the points of the conclusion as written (every one: condensed mode
 * splits a list into one block per item, so the sections given here are the uncondensed ones),
 * unless the slide before already shows each of them word for word; else contact and thanks.
 */
function closingBlocks(sections: Section[], brief: Brief, labels: Labels, before: Slide | undefined): { title: string; blocks: Block[]; line: number; notes: string[] } | undefined {
  const { meta } = brief;
  const last = sections[sections.length - 1];
  const list = last?.heading && isConclusionHeading(last.heading) ? last.blocks.findLast((b) => b.token.type === 'list') : undefined;
  if (list && last.heading) {
    const condensed = meta.mode === 'condensed';
    const blocks = toBlocks(lexMarkdown(pointsOf(list.token as Tokens.List, meta.lang, condensed)), list.line);
    const shown = new Set(itemTexts(before?.blocks ?? []));
    // Condensed, the list is shown here only (condense.ts): its points as written go to the notes.
    const notes = condensed ? [list.token.raw.trim()] : [];
    if (!itemTexts(blocks).every((point) => shown.has(point))) return { title: last.heading, blocks, line: list.line, notes };
  }
  if (!meta.contact && !meta.thanks && !meta.closing) return undefined;
  const contact = meta.contact ? `**${labels.contact}:** ${meta.contact}` : '';
  return { title: meta.thanks ?? labels.thanks, blocks: toBlocks(lexMarkdown(contact), 1), line: 1, notes: [] };
}

/**
 * A recall of the conclusion is read as one slide, never as a fragment: the word budget does not
 * split it, and fit makes its text smaller rather than cut it (fit/refit.ts). Only a recall too
 * long for the smallest body text (about three quarters of the size: 1.75 times the lines) is
 * parted here.
 */
const SMALLEST_TEXT_ROOM = 1.75;

function closingSlides(sections: Section[], brief: Brief, links: Links, labels: Labels, before: Slide | undefined): Slide[] {
  const closing = closingBlocks(sections, brief, labels, before);
  if (!closing) return [];
  const layout = layoutFor(brief.meta.aspect);
  const limit = { words: Number.POSITIVE_INFINITY, lines: bodyLines(closing.title, layout, Boolean(brief.meta.classification)) * SMALLEST_TEXT_ROOM };
  const section: Section = { index: sections.length, heading: closing.title, line: closing.line, blocks: closing.blocks };
  const drafts = draftsOf(section, limit, { layout, lang: brief.meta.lang, links });
  const parts = Math.max(1, drafts.length);
  const base = { id: '', kind: 'closing' as const, title: closing.title, parts, notes: closing.notes, line: closing.line, sectionIndex: sections.length, generated: true as const };
  if (drafts.length === 0) return [{ ...base, part: 1, blocks: [] }];
  return drafts.map((d, i) => ({ ...base, part: i + 1, blocks: d.blocks, notes: i === 0 ? closing.notes : [] }));
}

/** A section with at least this many slides on average earns its sections a divider each (`dividers: auto`). */
const DIVIDER_MIN_SLIDES = 2;

/**
 * The section dividers the deck keeps. `auto`: a divider per section when there are three sections
 * or more and they run to two slides or more on average (a signpost worth a slide), else none: the agenda and each slide's
 * title say where the talk is. A generated Sources section that fits one slide needs no divider.
 * A section with no slide of its own keeps its divider, which holds its notes.
 */
function withDividers(slides: Slide[], sections: Section[], dividers: Divider): Slide[] {
  const body = (s: Slide) => s.kind === 'content' || s.kind === 'sources';
  const bodyCount = new Map<number, number>();
  for (const s of slides) if (body(s)) bodyCount.set(s.sectionIndex, (bodyCount.get(s.sectionIndex) ?? 0) + 1);
  const headed = sections.filter((s) => s.heading !== null && !s.sources);
  const average = headed.reduce((n, s) => n + (bodyCount.get(s.index) ?? 0), 0) / Math.max(1, headed.length);
  const depthOf = new Map(sections.map((s) => [s.index, s.headingToken?.depth ?? 2]));
  const signposts = headed.length >= AGENDA_MIN_SECTIONS && average >= DIVIDER_MIN_SLIDES;
  const keep = (s: Slide): boolean => {
    if (s.kind !== 'section' || !bodyCount.get(s.sectionIndex)) return true;
    if (s.generated) return dividers === 'all' || (dividers !== 'none' && (bodyCount.get(s.sectionIndex) ?? 0) > 1 && signposts);
    if (dividers === 'h1') return depthOf.get(s.sectionIndex) === 1;
    return dividers === 'all' || (dividers === 'auto' && signposts);
  };
  const kept = slides.filter(keep);
  const dropped = new Set(slides.filter((s) => s.kind === 'section' && !s.generated && !keep(s)).map((s) => s.sectionIndex));
  return kept.map((s) => (s.kind === 'content' && s.part === 1 && dropped.has(s.sectionIndex) ? { ...s, opens: true as const } : s));
}

/**
 * The slides a briefing has around its text: an agenda after the summary (by default when there
 * are three sections or more) and a closing slide at the end.
 */
export function addFurniture(all: Slide[], sections: Section[], brief: Brief, links: Links, labels: Labels, packed: Section[] = sections): Slide[] {
  const slides = withDividers(all, packed, brief.meta.dividers);
  const headed = sections.filter((s) => s.heading !== null).length;
  const wantAgenda = brief.meta.agenda ?? headed >= AGENDA_MIN_SECTIONS;
  const withAgenda = wantAgenda && headed > 0 ? agendaSlide(slides, labels) : slides;
  const closing = brief.meta.closing === false ? [] : closingSlides(sections, brief, links, labels, slides.findLast((s) => s.sectionIndex === sections.length - 1));
  return assignIds([...withAgenda, ...closing]);
}
