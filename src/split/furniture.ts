import type { Links, Tokens } from 'marked';
import { lexMarkdown } from '../lex/markdown.js';
import { toBlocks } from '../lex/lex-brief.js';
import type { Labels } from '../i18n/labels.js';
import type { Block, Brief, Section, Slide } from '../types.js';
import { layoutFor, titleExtraLines } from './layout.js';
import { sentences } from './sentences.js';
import { assignIds } from './slide-id.js';
import { draftsOf } from './to-slides.js';

/** Three sections make an agenda worth a slide; fewer are seen at a glance. */
export const AGENDA_MIN_SECTIONS = 3;

/** Headings that close a brief, in the languages briefdeck has labels for. */
const RE_CONCLUSION =
  /^(?:conclusions?|in conclusion|concluding remarks|key (?:points|takeaways|findings)|takeaways|recommendations|outlook|fazit|schlussfolgerungen?|ausblick|conclusión|conclusiones|conclusions? et recommandations|заключение|выводы|结论|总结|結論|まとめ|الخلاصة|خاتمة|الاستنتاجات)(?![\p{L}\p{N}])/iu;

export function isConclusionHeading(heading: string): boolean {
  return RE_CONCLUSION.test(heading.trim().replace(/^\d+[.)]?\s*/, ''));
}

/** Entries on one agenda slide (two columns of six); a longer agenda continues on the next. */
export const AGENDA_PER_SLIDE = 12;

function agendaSlide(slides: Slide[], labels: Labels): Slide[] {
  const at = slides.findIndex((s) => s.kind === 'section');
  const parts = Math.max(1, Math.ceil(slides.filter((s) => s.kind === 'section').length / AGENDA_PER_SLIDE));
  const drafts: Slide[] = Array.from({ length: parts }, (_, i) => ({
    id: '', kind: 'agenda', title: labels.agenda, part: i + 1, parts, blocks: [], notes: [], line: slides[at].line, sectionIndex: 0, generated: true,
  }));
  return [...slides.slice(0, at), ...drafts, ...slides.slice(at)];
}

/** The lead sentence of each point: a closing slide recalls the points, it does not repeat them. */
function pointsOf(list: Tokens.List, lang: string): string {
  return list.items
    .map((item, i) => {
      const first = item.tokens.find((t) => t.type === 'text' || t.type === 'paragraph') as Tokens.Text | undefined;
      const lead = sentences((first?.text ?? item.text).replace(/\s+/g, ' '), lang)[0]?.trim() ?? '';
      return `${list.ordered ? `${(Number(list.start) || 1) + i}.` : '-'} ${lead}`;
    })
    .join('\n');
}

/** The closing slide's text: the conclusion's points, else contact and thanks from the front matter. */
function closingBlocks(sections: Section[], brief: Brief, labels: Labels): { title: string; blocks: Block[]; line: number } | undefined {
  const { meta } = brief;
  const last = sections[sections.length - 1];
  const list = last?.heading && isConclusionHeading(last.heading) ? last.blocks.findLast((b) => b.token.type === 'list') : undefined;
  if (list && last.heading) {
    return { title: last.heading, blocks: toBlocks(lexMarkdown(pointsOf(list.token as Tokens.List, meta.lang)), list.line), line: list.line };
  }
  if (!meta.contact && !meta.thanks && !meta.closing) return undefined;
  const contact = meta.contact ? `**${labels.contact}:** ${meta.contact}` : '';
  return { title: meta.thanks ?? labels.thanks, blocks: toBlocks(lexMarkdown(contact), 1), line: 1 };
}

function closingSlides(sections: Section[], brief: Brief, links: Links, labels: Labels): Slide[] {
  const closing = closingBlocks(sections, brief, labels);
  if (!closing) return [];
  const layout = layoutFor(brief.meta.aspect);
  const limit = { words: brief.meta.budget, lines: layout.maxLines - titleExtraLines(closing.title, layout) - (brief.meta.classification ? 1 : 0) };
  const section: Section = { index: sections.length, heading: closing.title, line: closing.line, blocks: closing.blocks };
  const drafts = draftsOf(section, limit, { layout, lang: brief.meta.lang, links });
  const parts = Math.max(1, drafts.length);
  const base = { id: '', kind: 'closing' as const, title: closing.title, parts, notes: [], line: closing.line, sectionIndex: sections.length, generated: true as const };
  if (drafts.length === 0) return [{ ...base, part: 1, blocks: [] }];
  return drafts.map((d, i) => ({ ...base, part: i + 1, blocks: d.blocks }));
}

/**
 * The slides a briefing has around its text: an agenda after the summary (by default when there
 * are three sections or more) and a closing slide at the end.
 */
export function addFurniture(slides: Slide[], sections: Section[], brief: Brief, links: Links, labels: Labels): Slide[] {
  const headed = sections.filter((s) => s.heading !== null).length;
  const wantAgenda = brief.meta.agenda ?? headed >= AGENDA_MIN_SECTIONS;
  const withAgenda = wantAgenda && headed > 0 ? agendaSlide(slides, labels) : slides;
  const closing = brief.meta.closing === false ? [] : closingSlides(sections, brief, links, labels);
  return assignIds([...withAgenda, ...closing]);
}
