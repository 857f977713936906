import type { Box, Paragraph, Run } from './geometry.js';
import { centipoints, emu, esc, solidFill, srgb } from './ooxml.js';

/** What a text body needs besides its paragraphs. */
export interface TextContext {
  /** `lang` of every run (the brief's language). */
  lang: string;
  /** The relationship id for a link (external URL or another slide), or undefined to drop the link. */
  link: (href: string) => { id: string; slide: boolean } | undefined;
  /** The typeface for complex-script text of a run: Noto Sans Hebrew for Hebrew, else the theme's. */
  complexFont: (text: string) => string;
}

export interface BodyOptions {
  /** Where the frame's text starts (its inline-start edge), for paragraph indents. */
  frame: Box;
  anchor?: 't' | 'ctr' | 'b';
  /** Shrink on overflow once edited (PowerPoint's own default for body placeholders). */
  autofit?: boolean;
  wrap?: boolean;
  /** Cell text: the table's own `a:txBody` has no insets or fit of its own. */
  cell?: boolean;
}

const MONO = 'IBM Plex Mono';

/**
 * The typeface of a run: the theme's (`+mn-lt`), or Plex's SemiBold face by its own name, as Office
 * lists it: bold (700) would set wider than the 600 the deck uses, and wrap where Chromium did not.
 */
function latinFace(run: Run): string {
  const semibold = run.weight >= 550 && run.weight < 650;
  if (run.mono) return semibold ? `${MONO} SemiBold` : MONO;
  return semibold ? 'IBM Plex Sans SemiBold' : '+mn-lt';
}

function runProps(run: Run, ctx: TextContext, tag: 'a:rPr' | 'a:endParaRPr' = 'a:rPr'): string {
  const attrs = [
    `lang="${esc(ctx.lang)}"`,
    `sz="${Math.max(100, centipoints(run.size))}"`,
    `b="${run.weight >= 650 ? 1 : 0}"`,
    `i="${run.italic ? 1 : 0}"`,
    run.underline ? 'u="sng"' : '',
    run.strike ? 'strike="sngStrike"' : '',
    run.sup ? 'baseline="30000"' : '',
    run.spacing ? `spc="${centipoints(run.spacing)}"` : '',
    'dirty="0"',
  ].filter(Boolean);
  const fonts = `<a:latin typeface="${latinFace(run)}"/><a:ea typeface="+mn-ea"/><a:cs typeface="${esc(ctx.complexFont(run.text))}"/>`;
  const link = tag === 'a:rPr' && run.href ? ctx.link(run.href) : undefined;
  // The extension makes PowerPoint draw the link in the run's own colour, as the deck does.
  const click = link ? `<a:hlinkClick r:id="${link.id}"${link.slide ? ' action="ppaction://hlinksldjump"' : ''}><a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}"><ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" val="tx"/></a:ext></a:extLst></a:hlinkClick>` : '';
  return `<${tag} ${attrs.join(' ')}>${solidFill(run.colour)}${fonts}${click}</${tag}>`;
}

function runXml(run: Run, ctx: TextContext, rtl: boolean): string {
  if (run.text === '\n') return `<a:br>${runProps({ ...run, href: undefined }, ctx)}</a:br>`;
  // LibreOffice ignores tab stops in right-to-left paragraphs (the agenda's number and title run together): spaces keep the gap.
  if (run.text === '\t' && rtl) return `<a:r>${runProps(run, ctx)}<a:t>\u2003\u2003</a:t></a:r>`;
  return `<a:r>${runProps(run, ctx)}<a:t>${esc(run.text)}</a:t></a:r>`;
}

function bullet(para: Paragraph): string {
  const m = para.marker;
  if (!m) return '<a:buNone/>';
  const head = `<a:buClr>${srgb(m.colour)}</a:buClr><a:buSzPct val="100000"/>`;
  return m.kind === 'number' ? `${head}<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="${m.start}"/>` : `${head}<a:buFontTx/><a:buChar char="${esc(m.char)}"/>`;
}

/** Paragraph properties: the indent Chromium gave it, its line pitch and the gap above it, exactly. */
function paraProps(para: Paragraph, gapAbove: number, frame: Box): string {
  const start = para.rtl ? frame.x + frame.w - (para.frame.x + para.frame.w) : para.frame.x - frame.x;
  // A number and a title side by side (flex items, the agenda): the title's lines hang at its tab.
  const hang = !para.marker && !para.rtl && para.tabs.length === 1 ? para.tabs[0] : 0;
  const marL = emu(Math.max(0, start) + hang);
  const indent = para.marker ? -emu(para.hanging) : -emu(hang);
  const tabs = para.tabs.length > 0 && !para.rtl ? `<a:tabLst>${para.tabs.map((t) => `<a:tab pos="${emu(t + Math.max(0, start))}" algn="l"/>`).join('')}</a:tabLst>` : '';
  const spacing = `<a:lnSpc><a:spcPts val="${Math.max(100, centipoints(para.lineHeight))}"/></a:lnSpc><a:spcBef><a:spcPts val="${centipoints(Math.max(0, gapAbove))}"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>`;
  return `<a:pPr marL="${marL}" indent="${indent}" algn="${para.align}" rtl="${para.rtl ? 1 : 0}"${para.level > 0 ? ` lvl="${Math.min(8, para.level)}"` : ''}>${spacing}${bullet(para)}${tabs}</a:pPr>`;
}

export function paragraphsXml(paras: Paragraph[], ctx: TextContext, frame: Box): string {
  return paras
    .map((para, i) => {
      const gap = i === 0 ? para.box.y - frame.y : para.box.y - (paras[i - 1].box.y + paras[i - 1].box.h);
      const runs = para.runs.map((run) => runXml(run, ctx, para.rtl)).join('');
      const last = para.runs[para.runs.length - 1];
      return `<a:p>${paraProps(para, gap, frame)}${runs}${last ? runProps({ ...last, href: undefined }, ctx, 'a:endParaRPr') : ''}</a:p>`;
    })
    .join('');
}

/** `<p:txBody>` (or a cell's `<a:txBody>`) holding `paras`, with no insets: Chromium's boxes are the text's own. */
export function textBody(paras: Paragraph[], ctx: TextContext, options: BodyOptions): string {
  const body = paras.length > 0 ? paragraphsXml(paras, ctx, options.frame) : '<a:p><a:endParaRPr dirty="0"/></a:p>';
  if (options.cell) return `<a:txBody><a:bodyPr/><a:lstStyle/>${body}</a:txBody>`;
  const fit = options.autofit ? '<a:normAutofit/>' : '<a:noAutofit/>';
  const bodyPr = `<a:bodyPr wrap="${options.wrap === false ? 'none' : 'square'}" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="${options.anchor ?? 't'}">${fit}</a:bodyPr>`;
  return `<p:txBody>${bodyPr}<a:lstStyle/>${body}</p:txBody>`;
}
