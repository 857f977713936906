import type { Box, Item, Paragraph, Picture, SlideGeometry, TextItem } from './geometry.js';
import { hotspotXml, numberFields, pictureXml, rectXml, ShapeIds, tableXml, textXml, type Placeholder } from './shapes.js';
import type { TextContext } from './text-body.js';

/** The layouts of the master: one per kind of slide frame in the deck's templates. */
export type LayoutKind = 'title' | 'section' | 'content';

export function layoutOf(kind: string): LayoutKind {
  return kind === 'title' || kind === 'section' ? kind : 'content';
}

/** What laying out one slide (or layout) needs from the package being built. */
export interface TreeEnv {
  width: number;
  height: number;
  ctx: TextContext;
  /** The relationship id of a picture, or undefined when the picture could not be kept. */
  picture: (src: string) => string;
  /** Told about each picture that PowerPoint cannot show and was left out. */
  lost: (alt: string) => void;
}

/**
 * Extra width for text frames, as a share of the width: PowerPoint and LibreOffice measure text a
 * hair differently from Chromium (kerning, hinting), and a substituted font may run wider, so a
 * frame is a little wider than the lines Chromium broke, where the slide has room for it.
 */
export const WIDTH_SLACK = 0.03;

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

function itemBox(item: Item): Box {
  return item.type === 'text' ? union(item.paras.map((p) => p.box)) : item.box;
}

/** One-line labels (footer, part label, dates) never wrap in the deck; nor may they in the file. */
function wraps(item: TextItem): boolean {
  return item.role === 'body' || item.role === 'title' || item.paras.some((p) => p.lines > 1 || p.marker !== undefined);
}

/** Free width beside `box` on its row of the slide, up to the next item or the slide's edge. */
function rowRoom(box: Box, slide: SlideGeometry, env: TreeEnv, rtl: boolean): number {
  const middle = box.y + box.h / 2;
  const others = slide.items.filter((i) => i.type !== 'rect').map(itemBox).filter((b) => b.y < middle && b.y + b.h > middle && b !== box);
  if (rtl) return box.x - Math.max(0, ...others.map((b) => b.x + b.w).filter((r) => r <= box.x + 1)) - 4;
  return Math.min(env.width, ...others.map((b) => b.x).filter((x) => x >= box.x + box.w - 1)) - (box.x + box.w) - 4;
}

/**
 * The frame a text item is laid in: its container's width plus slack, from its first line down to
 * `limit`. A label that must stay on one line gets the free room beside it (a quarter of its width
 * at most): a wider font then runs into free space, not over its neighbour or off its frame.
 */
function textFrame(item: TextItem, env: TreeEnv, slide: SlideGeometry, limit?: number): Box {
  const text = union(item.paras.map((p) => p.box));
  const across = item.role === 'body' && slide.body ? slide.body : union(item.paras.map((p) => p.frame));
  const rtl = item.paras[0]?.rtl ?? false;
  const share = wraps(item) ? WIDTH_SLACK : 0.25;
  const room = wraps(item) ? (rtl ? across.x - 4 : env.width - (across.x + across.w) - 4) : rowRoom(across, slide, env, rtl);
  const extra = Math.max(0, Math.min(across.w * share, room));
  const bottom = Math.max(text.y + text.h + 2, limit ?? 0);
  return { x: rtl ? across.x - extra : across.x, y: text.y, w: across.w + extra, h: bottom - text.y };
}

/** Where the next item of the body starts below `after`, else the floor (footnotes or footer). */
function nextTop(items: Item[], after: number, slide: SlideGeometry): number {
  const tops = items.filter((i) => i.role === 'body').map((i) => itemBox(i).y).filter((y) => y > after + 1);
  return Math.min(slide.floor, ...tops);
}

function placeholderFor(item: TextItem, slide: SlideGeometry, firstBody: boolean): Placeholder | undefined {
  if (item.role === 'title') return { type: slide.kind === 'title' ? 'ctrTitle' : 'title' };
  if (item.role === 'subtitle') return { type: 'subTitle', idx: 1 };
  if (item.role === 'body' && firstBody) return { type: 'body', idx: 1 };
  return undefined;
}

function pictureOf(pic: Picture, env: TreeEnv, ids: ShapeIds): string {
  if (pic.src) return pictureXml(ids, pic.box, env.picture(pic.src), pic.alt);
  env.lost(pic.alt);
  return '';
}

function textOf(item: TextItem, env: TreeEnv, slide: SlideGeometry, ids: ShapeIds, ph: Placeholder | undefined, number: number): string {
  const last = item.paras[item.paras.length - 1];
  const limit = item.role === 'body' ? nextTop(slide.items, last.box.y + last.box.h, slide) : undefined;
  const frame = textFrame(item, env, slide, limit);
  if (item.role === 'number') {
    // "7 / 45" reads left to right in every language; a right-to-left paragraph would reorder it.
    const para: Paragraph = { ...item.paras[0], rtl: false };
    return textXml(ids, frame, [], env.ctx, { frame, ph: { type: 'sldNum', idx: 12 }, fields: numberFields(para, number, env.ctx, frame) });
  }
  const autofit = ph !== undefined && ph.type !== 'sldNum';
  const { paras, hotspots } = rtlLinks(item.paras, env, ids);
  return textXml(ids, frame, paras, env.ctx, { frame, ph, autofit, wrap: wraps(item) }) + hotspots;
}

/**
 * LibreOffice sets a right-to-left line that holds a link (a field, to it) too high, over the top of
 * its shape: the link of such a paragraph (an agenda entry) moves to a transparent shape over it, which jumps the same way.
 */
function rtlLinks(paras: Paragraph[], env: TreeEnv, ids: ShapeIds): { paras: Paragraph[]; hotspots: string } {
  let hotspots = '';
  const plain = paras.map((para) => {
    const hrefs = new Set(para.runs.flatMap((r) => (r.href ? [r.href] : [])));
    // Several links in one paragraph stay in its text: one shape over it could follow only one of them.
    if (!para.rtl || hrefs.size !== 1) return para;
    const [href] = hrefs;
    const link = env.ctx.link(href);
    if (link) hotspots += hotspotXml(ids, para.box, link);
    return { ...para, runs: para.runs.map((r) => ({ ...r, href: undefined })) };
  });
  return { paras: plain, hotspots };
}

/**
 * A slide's shapes, back to front: fills and rules, pictures, tables, then text. The title, the
 * subtitle and the body's first text go in placeholders; the rest of the text in text boxes laid
 * where Chromium put it. `skip` leaves out what the slide's layout already shows (furniture).
 */
export function slideTree(slide: SlideGeometry, env: TreeEnv, options: { number: number; furniture: boolean; extra?: (ids: ShapeIds) => string }): string {
  const ids = new ShapeIds();
  const items = slide.items.filter((item) => (item.role === 'furniture') === options.furniture);
  const parts: string[] = [];
  for (const item of items) if (item.type === 'rect') parts.push(rectXml(ids, item.box, item.fill));
  for (const item of items) if (item.type === 'picture') parts.push(pictureOf(item, env, ids));
  for (const item of items) if (item.type === 'table') parts.push(tableXml(ids, item, env.ctx));
  let bodyPlaced = false;
  for (const item of items) {
    if (item.type !== 'text' || item.paras.length === 0) continue;
    const ph = options.furniture ? undefined : placeholderFor(item, slide, !bodyPlaced);
    if (ph?.type === 'body') bodyPlaced = true;
    parts.push(textOf(item, env, slide, ids, ph, options.number));
  }
  if (options.extra) parts.push(options.extra(ids));
  return `<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${parts.join('')}</p:spTree>`;
}

/** The placeholders a layout offers for new slides, where the first slide of its kind has them. */
export function layoutPlaceholders(slide: SlideGeometry | undefined, env: TreeEnv, kind: LayoutKind, ids: ShapeIds): string {
  const find = (role: string): TextItem | undefined => slide?.items.find((i): i is TextItem => i.type === 'text' && i.role === role);
  const boxOr = (item: TextItem | undefined, fallback: Box): Box => (item && slide ? textFrame(item, env, slide) : fallback);
  const w = env.width;
  const title = boxOr(find('title'), { x: w * 0.06, y: env.height * 0.08, w: w * 0.88, h: env.height * 0.14 });
  const parts = [textXml(ids, title, [], env.ctx, { frame: title, ph: { type: kind === 'title' ? 'ctrTitle' : 'title' } })];
  if (kind !== 'section') {
    const bodyItem = find(kind === 'title' ? 'subtitle' : 'body');
    const fallback = { x: title.x, y: title.y + title.h + 16, w: title.w, h: Math.max(40, (slide?.floor ?? env.height * 0.9) - (title.y + title.h + 16)) };
    const body = bodyItem && slide ? textFrame(bodyItem, env, slide, kind === 'title' ? undefined : slide.floor) : fallback;
    parts.push(textXml(ids, body, [], env.ctx, { frame: body, ph: kind === 'title' ? { type: 'subTitle', idx: 1 } : { type: 'body', idx: 1 } }));
  }
  const number = find('number');
  if (number && slide) {
    const box = textFrame(number, env, slide);
    parts.push(textXml(ids, box, [], env.ctx, { frame: box, ph: { type: 'sldNum', idx: 12 } }));
  }
  return parts.join('');
}
