import type { Box, Colour } from './geometry.js';

/** The namespaces of PresentationML parts. */
export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  p14: 'http://schemas.microsoft.com/office/powerpoint/2010/main',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
} as const;

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const PML_NS = `xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"`;

/** English Metric Units per CSS pixel: 914400 per inch, 96 px per inch. */
const EMU_PER_PX = 9525;

// XML 1.0 forbids most control characters; a brief's text may hold them.
const RE_XML_INVALID = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function esc(text: string): string {
  return text.replace(RE_XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function emu(px: number): number {
  return Math.round(px * EMU_PER_PX);
}

/** Hundredths of a point (font sizes, spacing) from CSS px: 1 px = 0.75 pt. */
export function centipoints(px: number): number {
  return Math.round(px * 75);
}

export function xfrm(box: Box, tag = 'a:xfrm'): string {
  return `<${tag}><a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${Math.max(1, emu(box.w))}" cy="${Math.max(1, emu(box.h))}"/></${tag}>`;
}

export function srgb(colour: Colour | string): string {
  const c = typeof colour === 'string' ? { hex: colour, alpha: 1 } : colour;
  const alpha = c.alpha < 0.999 ? `<a:alpha val="${Math.round(c.alpha * 100000)}"/>` : '';
  return `<a:srgbClr val="${c.hex.toUpperCase()}">${alpha}</a:srgbClr>`;
}

export function solidFill(colour: Colour | string): string {
  return `<a:solidFill>${srgb(colour)}</a:solidFill>`;
}

/** A relationship list; `external` targets are URLs. */
export function relsXml(rels: Array<{ id: string; type: string; target: string; external?: boolean }>): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${NS.officeRel}/${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS.rel}">${items.join('')}</Relationships>`;
}

/** A stable GUID-shaped id from a number, for section and field ids (the file stays reproducible). */
export function guid(n: number, salt = 0): string {
  const hex = (n * 2654435761 + salt * 40503).toString(16).padStart(12, '0').slice(-12).toUpperCase();
  return `{B71E0F5A-${String(salt).padStart(4, '0').slice(-4)}-4D1C-9A7E-${hex}}`;
}
