import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { decodeEntities } from '../../src/lex/markdown.js';

/** A shape of a slide or layout: its box in points from the top left, and its text. */
export interface Shape {
  tag: 'sp' | 'graphicFrame' | 'pic';
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  /** `type` of its placeholder, if it is one. */
  ph?: string;
  descr?: string;
  xml: string;
}

export interface PptxSlide {
  name: string;
  xml: string;
  rels: string;
  layout: string;
  notes?: string;
  shapes: Shape[];
  /** Shapes of the slide's layout (footer, banners) that show on it. */
  layoutShapes: Shape[];
}

export interface Pptx {
  parts: Record<string, Uint8Array>;
  text: (name: string) => string;
  slides: PptxSlide[];
}

const EMU_PER_PT = 12700;
const RE_SHAPE = /<p:(sp|graphicFrame|pic)>([\s\S]*?)<\/p:\1>/g;

export function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeEntities(m[1])).join(' ');
}

export function shapesOf(xml: string): Shape[] {
  return [...xml.matchAll(RE_SHAPE)].map((m) => {
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[2]);
    const [x, y, w, h] = off ? off.slice(1).map((v) => Number(v) / EMU_PER_PT) : [0, 0, 0, 0];
    return { tag: m[1] as Shape['tag'], x, y, w, h, text: textOf(m[2]), ph: /<p:ph type="(\w+)"/.exec(m[2])?.[1], descr: /descr="([^"]*)"/.exec(m[2])?.[1], xml: m[0] };
  });
}

function target(rels: string, type: string): string | undefined {
  return new RegExp(`Type="[^"]*/${type}" Target="([^"]+)"`).exec(rels)?.[1];
}

/** Unzips a .pptx and reads its slides in presentation order, with their notes and layouts. */
export async function readPptx(file: string): Promise<Pptx> {
  const parts = unzipSync(new Uint8Array(await readFile(file)));
  const text = (name: string): string => {
    if (!parts[name]) throw new Error(`no part ${name}`);
    return strFromU8(parts[name]);
  };
  const presRels = text('ppt/_rels/presentation.xml.rels');
  const order = [...text('ppt/presentation.xml').matchAll(/<p:sldId id="\d+" r:id="(rId\d+)"\/>/g)].map((m) => new RegExp(`Id="${m[1]}" Type="[^"]*" Target="([^"]+)"`).exec(presRels)?.[1] ?? '');
  const slides = order.map((t): PptxSlide => {
    const name = `ppt/${t}`;
    const rels = text(`ppt/slides/_rels/${path.basename(name)}.rels`);
    const layout = `ppt/slideLayouts/${path.basename(target(rels, 'slideLayout') ?? '')}`;
    const notesTarget = target(rels, 'notesSlide');
    const xml = text(name);
    const layoutShapes = shapesOf(text(layout)).filter((s) => !s.ph);
    return { name, xml, rels, layout, notes: notesTarget ? text(`ppt/notesSlides/${path.basename(notesTarget)}`) : undefined, shapes: shapesOf(xml), layoutShapes };
  });
  return { parts, text, slides };
}
