/**
 * How the final deck lays out in Chromium, slide by slide, as read from its print view
 * (read-slides-in-page.ts): what the PowerPoint file is laid out from. Lengths are canvas pixels
 * (the deck's own 1280×720 or 1024×768), colours `RRGGBB` hex.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Colour {
  hex: string;
  /** 0–1; 1 when opaque. */
  alpha: number;
}

/** A stretch of text with one style. `text` is `\n` for a line break, `\t` for a tab. */
export interface Run {
  text: string;
  /** CSS px. */
  size: number;
  /** CSS font-weight: 600 is IBM Plex's SemiBold face, 700 its Bold. */
  weight: number;
  italic: boolean;
  mono: boolean;
  colour: Colour;
  underline: boolean;
  strike: boolean;
  sup: boolean;
  /** Letter spacing, CSS px. */
  spacing: number;
  href?: string;
}

export interface Marker {
  /** `bullet`: a character; `number`: automatic numbering from `start`. */
  kind: 'bullet' | 'number';
  char: string;
  start: number;
  colour: Colour;
}

/** One paragraph as Chromium broke it into lines. */
export interface Paragraph {
  runs: Run[];
  box: Box;
  lines: number;
  /** Line pitch, CSS px. */
  lineHeight: number;
  align: 'l' | 'r' | 'ctr' | 'just';
  rtl: boolean;
  /** Width the marker hangs before the text (list items). */
  hanging: number;
  level: number;
  marker?: Marker;
  /** Tab stops (from the container's inline start) for flex items joined by tabs (the agenda's numbers). */
  tabs: number[];
  /** Container's content box: the width text wraps in. */
  frame: Box;
}

/** What part of the slide an item belongs to (the template's classes say). */
export type Role = 'title' | 'subtitle' | 'body' | 'foot' | 'furniture' | 'number' | 'other';

export interface TextItem {
  type: 'text';
  role: Role;
  /** Index of the body's top-level block holding it (role `body`), else -1. */
  block: number;
  paras: Paragraph[];
}

export interface Rect {
  type: 'rect';
  role: Role;
  box: Box;
  fill: Colour;
}

export interface Picture {
  type: 'picture';
  role: Role;
  block: number;
  box: Box;
  /** A data: URL of a PNG, JPEG or GIF; undefined when the image could not be converted. */
  src?: string;
  alt: string;
}

export interface Cell {
  paras: Paragraph[];
  box: Box;
  colspan: number;
  fill?: Colour;
  /** Bottom border (width px and colour), the only rule the themes draw in tables. */
  bottom?: { width: number; colour: Colour };
  top?: { width: number; colour: Colour };
  pad: { l: number; r: number; t: number; b: number };
}

export interface TableItem {
  type: 'table';
  role: Role;
  block: number;
  box: Box;
  cols: number[];
  rows: Array<{ h: number; header: boolean; cells: Cell[] }>;
}

export type Item = TextItem | Rect | Picture | TableItem;

export interface SlideGeometry {
  id: string;
  kind: string;
  background: Colour;
  items: Item[];
  /** Bottom of the room the body may use (top of the footnotes or footer). */
  floor: number;
  /** The body's content box, when the slide has one. */
  body?: Box;
  /** The speaker notes as plain paragraphs. */
  notes: string[];
}

/** The theme's custom properties, for the PowerPoint theme's colour scheme. */
export interface Palette {
  bg: string;
  text: string;
  muted: string;
  primary: string;
  accent: string;
  link: string;
  surface: string;
  rule: string;
}

export interface DeckGeometry {
  width: number;
  height: number;
  palette: Palette;
  slides: SlideGeometry[];
}
