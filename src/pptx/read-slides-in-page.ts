import type { Box, Cell, Colour, Item, Marker, Palette, Paragraph, Role, Run, SlideGeometry, TableItem } from './geometry.js';

/**
 * Runs in the page, on reveal.js's laid-out print view of the final deck: reads every slide's
 * geometry (text by paragraph and line, rules and fills, tables, pictures) for the PowerPoint file.
 * Self-contained (it is serialised into the page), so its helpers live inside it.
 * `notesHtml` is each slide's notes HTML, read here as text; images that PowerPoint cannot show
 * (SVG, WebP, AVIF) are drawn to a canvas and come back as PNG.
 */
export async function readSlidesInPage(notesHtml: string[]): Promise<{ slides: SlideGeometry[]; palette: Palette }> {
  const BLOCK = /^(block|list-item|table|flex|grid|flow-root|table-caption|inline-block|inline-flex)$/;
  const KEEP = /^data:image\/(png|jpeg|gif);/;

  function colour(css: string): Colour | undefined {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return undefined;
    const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
    const alpha = Number(a);
    if (!(alpha > 0)) return undefined;
    const hex = [r, g, b].map((v) => Math.max(0, Math.min(255, Math.round(Number(v)))).toString(16).padStart(2, '0')).join('');
    return { hex, alpha };
  }

  // Chromium lays out in 1/64 px; a slide far down a long print view comes back with float noise.
  const snap = (v: number): number => Math.round(v * 64) / 64;
  function boxOf(r: DOMRect, origin: DOMRect): Box {
    return { x: snap(r.left - origin.left), y: snap(r.top - origin.top), w: snap(r.width), h: snap(r.height) };
  }

  function roleOf(node: Element): { role: Role; block: number } {
    if (node.closest('.bd-footer-number')) return { role: 'number', block: -1 };
    if (node.closest('.bd-footer, .bd-classification-top, .bd-title-band')) return { role: 'furniture', block: -1 };
    if (node.closest('.bd-heading, .bd-title-heading, .bd-section-heading')) return { role: 'title', block: -1 };
    if (node.closest('.bd-subtitle')) return { role: 'subtitle', block: -1 };
    if (node.closest('.bd-foot')) return { role: 'foot', block: -1 };
    const body = node.closest('.bd-body');
    if (!body) return { role: 'other', block: -1 };
    const top = Array.from(body.children).findIndex((child) => child === node || child.contains(node));
    return { role: 'body', block: top };
  }

  function isBlock(el: Element): boolean {
    return BLOCK.test(getComputedStyle(el).display);
  }

  function runOf(text: string, el: Element): Run {
    const s = getComputedStyle(el);
    const deco = s.textDecorationLine;
    const text2 = s.textTransform === 'uppercase' ? text.toUpperCase() : text;
    const link = el.closest('a');
    const href = link?.getAttribute('href') ?? undefined;
    return {
      text: text2,
      size: parseFloat(s.fontSize),
      weight: Number(s.fontWeight) || 400,
      italic: s.fontStyle === 'italic',
      mono: /mono/i.test(s.fontFamily.split(',')[0]),
      colour: colour(s.color) ?? { hex: '000000', alpha: 1 },
      underline: deco.includes('underline'),
      strike: deco.includes('line-through'),
      sup: s.verticalAlign === 'super' || Boolean(el.closest('sup')),
      spacing: parseFloat(s.letterSpacing) || 0,
      href,
    };
  }

  /** The runs of inline content `nodes`; flex items are joined by tabs, blocks inside a list item by line breaks. */
  function runsOf(nodes: Node[], runs: Run[]): void {
    for (const node of nodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const el = node.parentElement as Element;
        const raw = node.textContent ?? '';
        if (/^pre/.test(getComputedStyle(el).whiteSpace)) raw.split('\n').forEach((part, i) => { if (i > 0) runs.push(runOf('\n', el)); if (part) runs.push(runOf(part, el)); });
        else if (raw.length > 0) runs.push(runOf(raw.replace(/\s+/g, ' '), el));
      } else if (node instanceof HTMLBRElement) {
        runs.push({ ...runOf('\n', node), href: undefined });
      } else if (node instanceof Element && !(node instanceof HTMLImageElement) && getComputedStyle(node).display !== 'none') {
        const last = runs[runs.length - 1];
        const parent = node.parentElement ? getComputedStyle(node.parentElement).display : '';
        if (isBlock(node) && last && last.text.trim() !== '') runs.push({ ...runOf(/flex|grid/.test(parent) ? '\t' : '\n', node), href: undefined });
        runsOf(Array.from(node.childNodes), runs);
      }
    }
  }

  /** Joins runs of one style, trims the paragraph's edges and spaces around breaks. */
  function tidy(runs: Run[]): Run[] {
    const out: Run[] = [];
    for (const run of runs) {
      const last = out[out.length - 1];
      if (last && run.text === ' ' && /\s$/.test(last.text)) continue;
      if (last && run.text !== '\n' && run.text !== '\t' && last.text !== '\n' && last.text !== '\t' && JSON.stringify({ ...last, text: '' }) === JSON.stringify({ ...run, text: '' })) last.text += run.text;
      else out.push({ ...run });
    }
    out.forEach((run, i) => {
      if (i === 0 || out[i - 1].text === '\n' || out[i - 1].text === '\t') run.text = run.text.replace(/^ +/, '');
      if (i === out.length - 1 || out[i + 1].text === '\n' || out[i + 1].text === '\t') run.text = run.text.replace(/ +$/, '');
    });
    return out.filter((run) => run.text !== '');
  }

  function lineBoxes(nodes: Node[]): DOMRect[] {
    const range = document.createRange();
    range.setStartBefore(nodes[0]);
    range.setEndAfter(nodes[nodes.length - 1]);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
  }

  function markerOf(li: Element): Marker | undefined {
    const s = getComputedStyle(li);
    const type = s.listStyleType;
    if (s.display !== 'list-item' || type === 'none') return undefined;
    const m = getComputedStyle(li, '::marker');
    const c = colour(m.color) ?? colour(s.color) ?? { hex: '000000', alpha: 1 };
    if (/decimal|alpha|roman/.test(type)) return { kind: 'number', char: '', start: (li as HTMLLIElement).value || 1, colour: c };
    const chars: Record<string, string> = { disc: '\u2022', circle: '\u25e6', square: '\u25aa' };
    return { kind: 'bullet', char: chars[type] ?? '\u2022', start: 1, colour: c };
  }

  function paragraphOf(nodes: Node[], container: Element, origin: DOMRect, li: Element | undefined, level: number): Paragraph | undefined {
    const runs: Run[] = [];
    runsOf(nodes, runs);
    const tidied = tidy(runs);
    if (!tidied.some((r) => r.text.trim() !== '')) return undefined;
    const rects = lineBoxes(nodes);
    if (rects.length === 0) return undefined;
    const tops: number[] = [];
    for (const r of rects) if (!tops.some((t) => Math.abs(t - r.top) < Math.max(3, r.height / 2))) tops.push(r.top);
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const s = getComputedStyle(container);
    const rtl = s.direction === 'rtl';
    const cb = container.getBoundingClientRect();
    const frame = new DOMRect(cb.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth), cb.top, cb.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth), cb.height);
    const lh = parseFloat(s.lineHeight);
    tops.sort((a, b) => a - b);
    const first = rects.filter((r) => Math.abs(r.top - tops[0]) < Math.max(3, r.height / 2));
    const content = Math.max(...first.map((r) => r.bottom)) - Math.min(...first.map((r) => r.top));
    const pitch = tops.length > 1 ? (tops[tops.length - 1] - tops[0]) / (tops.length - 1) : Number.isFinite(lh) ? lh : content * 1.2;
    // The line boxes, not the glyphs' boxes: half the leading lies above the first line's text.
    const lineTop = Math.min(...first.map((r) => r.top)) - (pitch - content) / 2;
    const align = s.textAlign;
    const physical = align === 'center' ? 'ctr' : align === 'justify' ? 'just' : align === 'right' || (rtl && align !== 'left' && align !== 'end') || (!rtl && align === 'end') ? 'r' : 'l';
    const list = li?.parentElement ? getComputedStyle(li.parentElement) : undefined;
    const hanging = li && list ? parseFloat(rtl ? list.paddingRight : list.paddingLeft) + parseFloat(rtl ? s.paddingRight : s.paddingLeft) : 0;
    // The agenda's number and title are flex items: a tab stop where the title starts.
    const flex = /flex|grid/.test(s.display) ? container : Array.from(container.children).find((c) => /flex|grid/.test(getComputedStyle(c).display));
    const items = flex ? Array.from(flex.children).filter((c) => getComputedStyle(c).display !== 'none').slice(1) : [];
    const tabs = items.map((c) => snap(rtl ? frame.right - c.getBoundingClientRect().right : c.getBoundingClientRect().left - frame.left));
    return {
      runs: tidied,
      box: boxOf(new DOMRect(left, lineTop, right - left, Math.max(bottom - lineTop, pitch * tops.length)), origin),
      lines: tops.length,
      lineHeight: pitch,
      align: physical,
      rtl,
      hanging,
      level,
      marker: li ? markerOf(li) : undefined,
      tabs,
      frame: boxOf(frame, origin),
    };
  }

  /** Paragraphs of `root` in reading order: inline runs between blocks; a list item is one paragraph. */
  function paragraphsOf(root: Element, origin: DOMRect, out: Array<{ para: Paragraph; node: Element }>, level = 0, li?: Element): void {
    let group: Node[] = [];
    const flush = (): void => {
      const para = group.length > 0 ? paragraphOf(group, li && group[0].parentElement === li ? li : (group[0].parentElement as Element), origin, li, level) : undefined;
      if (para) out.push({ para, node: group[0].parentElement as Element });
      group = [];
    };
    for (const child of Array.from(root.childNodes)) {
      if (!(child instanceof Element)) {
        group.push(child);
        continue;
      }
      if (child.matches('aside.notes, table, img, script, style') || getComputedStyle(child).display === 'none') {
        if (child.matches('img')) continue;
        flush();
        continue;
      }
      if (child.matches('li')) {
        flush();
        paragraphsOf(child, origin, out, level, child);
      } else if (child.matches('ul, ol')) {
        flush();
        paragraphsOf(child, origin, out, li ? level + 1 : level, undefined);
      } else if (isBlock(child) && !li) {
        flush();
        paragraphsOf(child, origin, out, level, undefined);
      } else group.push(child);
    }
    flush();
  }

  function textItems(section: Element, origin: DOMRect): Item[] {
    const found: Array<{ para: Paragraph; node: Element }> = [];
    paragraphsOf(section, origin, found);
    const items: Item[] = [];
    for (const { para, node } of found) {
      const { role, block } = roleOf(node);
      const last = items[items.length - 1];
      // Paragraphs of one role and block (and one container for furniture) share a text frame.
      const joins = last?.type === 'text' && last.role === role && last.block === block && role !== 'furniture' && role !== 'other' && role !== 'number';
      if (joins) last.paras.push(para);
      else items.push({ type: 'text', role, block, paras: [para] });
    }
    return items;
  }

  function side(s: CSSStyleDeclaration, which: 'Top' | 'Bottom'): { width: number; colour: Colour } | undefined {
    const width = parseFloat(s.getPropertyValue(`border-${which.toLowerCase()}-width`));
    const c = colour(s.getPropertyValue(`border-${which.toLowerCase()}-color`));
    return width > 0 && c && s.getPropertyValue(`border-${which.toLowerCase()}-style`) !== 'none' ? { width, colour: c } : undefined;
  }

  function tableOf(table: HTMLTableElement, origin: DOMRect): TableItem {
    const { role, block } = roleOf(table);
    const rows = Array.from(table.rows).map((tr) => ({
      h: tr.getBoundingClientRect().height,
      header: tr.parentElement?.tagName === 'THEAD' || Array.from(tr.cells).every((c) => c.tagName === 'TH'),
      cells: Array.from(tr.cells).map((td): Cell => {
        const s = getComputedStyle(td);
        const found: Array<{ para: Paragraph; node: Element }> = [];
        paragraphsOf(td, origin, found);
        return {
          paras: found.map((f) => f.para),
          box: boxOf(td.getBoundingClientRect(), origin),
          colspan: td.colSpan,
          fill: colour(s.backgroundColor),
          bottom: side(s, 'Bottom'),
          top: side(s, 'Top'),
          pad: { l: parseFloat(s.paddingLeft), r: parseFloat(s.paddingRight), t: parseFloat(s.paddingTop), b: parseFloat(s.paddingBottom) },
        };
      }),
    }));
    const widest = Array.from(table.rows).reduce<HTMLTableRowElement | undefined>((a, r) => (!a || r.cells.length > a.cells.length ? r : a), undefined);
    const cols = widest ? Array.from(widest.cells).map((c) => c.getBoundingClientRect().width) : [];
    return { type: 'table', role, block, box: boxOf(table.getBoundingClientRect(), origin), cols, rows };
  }

  /** A picture PowerPoint can show: PNG, JPEG and GIF as they are, anything else drawn to a PNG. */
  async function pictureSrc(img: HTMLImageElement, box: Box): Promise<string | undefined> {
    if (KEEP.test(img.src)) return img.src;
    try {
      await img.decode();
      const scale = Math.min(2, 2000 / Math.max(box.w, box.h, 1));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(box.w * scale));
      canvas.height = Math.max(1, Math.round(box.h * scale));
      canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png');
    } catch {
      return undefined;
    }
  }

  async function pictures(section: Element, origin: DOMRect): Promise<Item[]> {
    const items: Item[] = [];
    for (const img of Array.from(section.querySelectorAll('img'))) {
      if (img.closest('aside.notes')) continue;
      let r = img.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      // object-fit: contain letterboxes the picture inside its box; PowerPoint would stretch it.
      const [nw, nh] = [img.naturalWidth, img.naturalHeight];
      if (getComputedStyle(img).objectFit === 'contain' && nw > 0 && nh > 0) {
        const k = Math.min(r.width / nw, r.height / nh);
        r = new DOMRect(r.left + (r.width - nw * k) / 2, r.top + (r.height - nh * k) / 2, nw * k, nh * k);
      }
      const box = boxOf(r, origin);
      const { role, block } = roleOf(img);
      items.push({ type: 'picture', role, block, box, src: await pictureSrc(img, box), alt: img.alt });
    }
    return items;
  }

  /** Fills and borders of block boxes (bands, banners, rules, code backgrounds), not those inside tables. */
  function rects(section: Element, origin: DOMRect): Item[] {
    const items: Item[] = [];
    for (const el of Array.from(section.querySelectorAll('*'))) {
      if (el.closest('aside.notes, table, img') || !(el instanceof HTMLElement)) continue;
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.display === 'inline' || s.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width < 0.5 || r.height < 0.5) continue;
      const { role } = roleOf(el);
      const add = (x: number, y: number, w: number, h: number, fill: Colour | undefined): void => {
        if (fill && w > 0.3 && h > 0.3) items.push({ type: 'rect', role: role === 'number' ? 'furniture' : role, box: boxOf(new DOMRect(x, y, w, h), origin), fill });
      };
      add(r.left, r.top, r.width, r.height, colour(s.backgroundColor));
      const bw = (k: string): number => (s.getPropertyValue(`border-${k}-style`) === 'none' ? 0 : parseFloat(s.getPropertyValue(`border-${k}-width`)));
      const bc = (k: string): Colour | undefined => colour(s.getPropertyValue(`border-${k}-color`));
      add(r.left, r.top, r.width, bw('top'), bc('top'));
      add(r.left, r.bottom - bw('bottom'), r.width, bw('bottom'), bc('bottom'));
      add(r.left, r.top, bw('left'), r.height, bc('left'));
      add(r.right - bw('right'), r.top, bw('right'), r.height, bc('right'));
      const after = getComputedStyle(el, '::after');
      if (after.content !== 'none' && after.content !== 'normal' && after.position === 'absolute') {
        const w = parseFloat(after.width);
        const h = parseFloat(after.height);
        const x = s.direction === 'rtl' ? r.right - w : r.left;
        add(x, r.bottom - parseFloat(s.borderBottomWidth) - (parseFloat(after.bottom) || 0) - h, w, h, colour(after.backgroundColor));
      }
    }
    return items;
  }

  /** The notes as text, a paragraph a line; parsed inert, and laid out for innerText with nothing in them that runs or loads. */
  function notesOf(html: string): string[] {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    for (const img of Array.from(parsed.querySelectorAll('img'))) img.replaceWith(img.alt);
    for (const el of Array.from(parsed.querySelectorAll('script, style, iframe, object, embed, video, audio, link'))) el.remove();
    for (const el of Array.from(parsed.querySelectorAll('*'))) for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name) || a.name === 'style') el.removeAttribute(a.name);
    const div = document.createElement('div');
    div.style.cssText = 'position:absolute;left:-100000px;top:0;width:900px;white-space:normal';
    div.append(...Array.from(parsed.body.childNodes));
    document.body.append(div);
    const text = div.innerText;
    div.remove();
    return text.split('\n').map((line) => line.trim()).filter(Boolean);
  }

  const sections = Array.from(document.querySelectorAll('.pdf-page > section'));
  const slides: SlideGeometry[] = [];
  for (const [i, section] of sections.entries()) {
    const origin = section.getBoundingClientRect();
    const body = section.querySelector('.bd-body');
    const floorEl = section.querySelector('.bd-foot') ?? section.querySelector('.bd-footer');
    const items = [...rects(section, origin), ...textItems(section, origin), ...(await pictures(section, origin))];
    for (const table of Array.from(section.querySelectorAll('table'))) if (!table.closest('aside.notes')) items.push(tableOf(table, origin));
    const bs = body ? getComputedStyle(body) : undefined;
    const bodyBox = body && bs ? boxOf(body.getBoundingClientRect(), origin) : undefined;
    if (bodyBox && bs) Object.assign(bodyBox, { x: bodyBox.x + parseFloat(bs.paddingLeft) + parseFloat(bs.borderLeftWidth), w: bodyBox.w - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight) - parseFloat(bs.borderLeftWidth) - parseFloat(bs.borderRightWidth) });
    slides.push({
      id: section.id,
      kind: section.getAttribute('data-kind') ?? 'content',
      background: colour(getComputedStyle(section).backgroundColor) ?? { hex: 'ffffff', alpha: 1 },
      items,
      floor: floorEl ? floorEl.getBoundingClientRect().top - origin.top : origin.height,
      body: bodyBox,
      notes: notesOf(notesHtml[i] ?? ''),
    });
  }
  const root = getComputedStyle(document.querySelector('.briefdeck') ?? document.body);
  const prop = (name: string, fallback: string): string => colour(root.getPropertyValue(name).trim() ? toRgb(root.getPropertyValue(name)) : '')?.hex ?? fallback;
  function toRgb(value: string): string {
    const probe = document.createElement('span');
    probe.style.color = value.trim();
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }
  const palette: Palette = {
    bg: prop('--bd-bg', 'ffffff'),
    text: prop('--bd-text', '1c2430'),
    muted: prop('--bd-muted', '4d5766'),
    primary: prop('--bd-primary', '14325c'),
    accent: prop('--bd-accent', 'b8862b'),
    link: prop('--bd-link', '17519b'),
    surface: prop('--bd-surface', 'f3f5f8'),
    rule: prop('--bd-rule', 'd5dae1'),
  };
  return { slides, palette };
}
