import type { Box, Cell, Colour, Paragraph, TableItem } from './geometry.js';
import { emu, esc, solidFill, xfrm } from './ooxml.js';
import { textBody, type BodyOptions, type TextContext } from './text-body.js';

/** A placeholder of the slide's layout: PowerPoint's outline view and screen readers read these. */
export interface Placeholder {
  type: 'title' | 'ctrTitle' | 'subTitle' | 'body' | 'sldNum';
  idx?: number;
}

/** Numbers the shapes of one slide (or layout): ids are unique within it, 1 is the tree itself. */
export class ShapeIds {
  private next = 2;
  take(): number {
    return this.next++;
  }
}

function phXml(ph: Placeholder | undefined): string {
  if (!ph) return '<p:nvPr/>';
  const size = ph.type === 'sldNum' ? ' sz="quarter"' : '';
  return `<p:nvPr><p:ph type="${ph.type}"${size}${ph.idx !== undefined ? ` idx="${ph.idx}"` : ''}/></p:nvPr>`;
}

export function rectXml(ids: ShapeIds, box: Box, fill: Colour): string {
  const id = ids.take();
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Rule ${id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${solidFill(fill)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>`;
}

export function textXml(ids: ShapeIds, box: Box, paras: Paragraph[], ctx: TextContext, options: BodyOptions & { ph?: Placeholder; name?: string; fields?: string }): string {
  const id = ids.take();
  const name = esc(options.name ?? (options.ph ? `${options.ph.type} ${id}` : `Text ${id}`));
  const locks = options.ph ? '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>' : '<p:cNvSpPr txBox="1"/>';
  const body = options.fields ?? textBody(paras, ctx, options);
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/>${locks}${phXml(options.ph)}</p:nvSpPr><p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>${body}</p:sp>`;
}

/** A transparent shape that jumps where `link` points when clicked (a link that is not in the text itself). */
export function hotspotXml(ids: ShapeIds, box: Box, link: { id: string; slide: boolean }): string {
  const id = ids.take();
  const click = `<a:hlinkClick r:id="${link.id}"${link.slide ? ' action="ppaction://hlinksldjump"' : ''}/>`;
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Link ${id}">${click}</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></p:spPr></p:sp>`;
}

export function pictureXml(ids: ShapeIds, box: Box, rId: string, alt: string): string {
  const id = ids.take();
  return `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="Picture ${id}" descr="${esc(alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
}

function line(tag: string, side?: { width: number; colour: Colour }): string {
  return side ? `<${tag} w="${emu(side.width)}" cmpd="sng">${solidFill(side.colour)}</${tag}>` : `<${tag} w="0"><a:noFill/></${tag}>`;
}

function cellXml(cell: Cell | undefined, ctx: TextContext, merged: boolean): string {
  if (!cell) return `<a:tc${merged ? ' hMerge="1"' : ''}><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr dirty="0"/></a:p></a:txBody><a:tcPr/></a:tc>`;
  // Most of the padding after the text becomes room for it: a column as narrow as its longest word must not break it.
  const right = cell.pad.r * 0.3;
  const frame = { x: cell.box.x + cell.pad.l, y: cell.box.y + cell.pad.t, w: cell.box.w - cell.pad.l - right, h: cell.box.h };
  const margins = `marL="${emu(cell.pad.l)}" marR="${emu(right)}" marT="${emu(cell.pad.t)}" marB="${emu(cell.pad.b)}"`;
  const fill = cell.fill ? solidFill(cell.fill) : '<a:noFill/>';
  const span = cell.colspan > 1 ? ` gridSpan="${cell.colspan}"` : '';
  const lines = `${line('a:lnL')}${line('a:lnR')}${line('a:lnT', cell.top)}${line('a:lnB', cell.bottom)}`;
  return `<a:tc${span}>${textBody(cell.paras, ctx, { frame, cell: true })}<a:tcPr ${margins} anchor="t">${lines}${fill}</a:tcPr></a:tc>`;
}

/** A native table: header rows marked (`firstRow`), Chromium's column widths and row heights. */
export function tableXml(ids: ShapeIds, table: TableItem, ctx: TextContext): string {
  const id = ids.take();
  const grid = table.cols.map((w) => `<a:gridCol w="${Math.max(1, emu(w))}"/>`).join('');
  const rows = table.rows.map((row) => {
    const cells: string[] = [];
    for (const cell of row.cells) {
      cells.push(cellXml(cell, ctx, false));
      for (let k = 1; k < cell.colspan; k++) cells.push(cellXml(undefined, ctx, true));
    }
    while (cells.length < table.cols.length) cells.push(cellXml(undefined, ctx, false));
    return `<a:tr h="${emu(row.h)}">${cells.slice(0, table.cols.length).join('')}</a:tr>`;
  });
  const header = table.rows[0]?.header ? 1 : 0;
  const tbl = `<a:tbl><a:tblPr firstRow="${header}" bandRow="0"/><a:tblGrid>${grid}</a:tblGrid>${rows.join('')}</a:tbl>`;
  return `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table ${id}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>${xfrm(table.box, 'p:xfrm')}<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">${tbl}</a:graphicData></a:graphic></p:graphicFrame>`;
}

/** The slide number: a field PowerPoint keeps up to date, then ` / total` as Chromium showed it. */
export function numberFields(para: Paragraph, number: number, ctx: TextContext, frame: Box): string {
  const run = para.runs[0];
  const rest = para.runs.map((r) => r.text).join('').replace(/^\s*\d+/, '');
  const body = textBody([{ ...para, runs: [{ ...run, text: rest }] }], ctx, { frame, wrap: false });
  const field = `<a:fld id="{5C8F2B1E-3A4D-4E6F-8B9A-0C1D2E3F4A5B}" type="slidenum">${body.match(/<a:rPr[^>]*>.*?<\/a:rPr>/)?.[0] ?? '<a:rPr/>'}<a:t>${number}</a:t></a:fld>`;
  return body.replace(/<a:r>/, `${field}<a:r>`);
}
