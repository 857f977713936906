import type { Paper } from '../types.js';

export const HANDOUT_LAYOUTS = ['notes', '2', '3', '6'] as const;
export type HandoutLayout = (typeof HANDOUT_LAYOUTS)[number];

/** Paper sizes in millimetres, with the `@page size` keyword Chromium knows them by. */
export const PAPER_SIZES = {
  a4: { css: 'A4', width: 210, height: 297 },
  letter: { css: 'letter', width: 215.9, height: 279.4 },
} as const;

/** Page margins in millimetres; the bottom one holds the footer. */
export const MARGINS = { top: 16, side: 18, bottom: 20 } as const;

/** Regions that print on Letter by custom (ANSI paper); everyone else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'HN']);

const MM_TO_PX = 96 / 25.4;

/** The paper a brief prints on when neither `--paper` nor `paper:` says: Letter for en-US and its neighbours. */
export function paperFor(lang: string): Paper {
  const region = lang.split('-').slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  return region && LETTER_REGIONS.has(region.toUpperCase()) ? 'letter' : 'a4';
}

export interface HandoutGeometry {
  /** Width and height of one slide picture on paper, in millimetres. */
  thumbWidth: number;
  thumbHeight: number;
  /** Factor from deck pixels to the picture: the slide is laid out at its own size, then scaled. */
  scale: number;
  /** Height of one row of a 2-, 3- or 6-up page, in millimetres (0 for `notes`). */
  rowHeight: number;
}

/** Share of the content width a slide takes in each layout, and rows per page. */
const LAYOUT_SHAPE = {
  notes: { width: 0.8, rows: 0 },
  '2': { width: 0.72, rows: 2 },
  '3': { width: 0.5, rows: 3 },
  '6': { width: 0.48, rows: 3 },
} as const satisfies Record<HandoutLayout, { width: number; rows: number }>;

/** Room is left between rows so that rounding never pushes a row on to the next page. */
const ROW_GAP = 5;

export function handoutGeometry(paper: Paper, layout: HandoutLayout, deck: { width: number; height: number }): HandoutGeometry {
  const size = PAPER_SIZES[paper];
  const contentWidth = size.width - 2 * MARGINS.side;
  const contentHeight = size.height - MARGINS.top - MARGINS.bottom;
  const shape = LAYOUT_SHAPE[layout];
  const thumbWidth = round(contentWidth * shape.width);
  const thumbHeight = round((thumbWidth * deck.height) / deck.width);
  const rowHeight = shape.rows === 0 ? 0 : round(contentHeight / shape.rows - ROW_GAP);
  return { thumbWidth, thumbHeight, scale: (thumbWidth * MM_TO_PX) / deck.width, rowHeight };
}

function round(mm: number): number {
  return Math.floor(mm * 10) / 10;
}
