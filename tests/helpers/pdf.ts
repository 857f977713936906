import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReadBack {
  pages: number;
  /** Text of each page, items joined by spaces. */
  text: string[];
  info: Record<string, unknown>;
  outline: Array<{ title: string; items: unknown[] }>;
  /** Link annotations of each page: external `url`s, and internal links (to a page of the PDF). */
  links: Array<Array<{ url?: string; internal: boolean }>>;
  /** Page sizes in PDF points. */
  sizes: Array<{ width: number; height: number }>;
}

/** Reads a PDF back with pdf.js: the real file, as a viewer would see it. */
export async function readPdf(file: string): Promise<PdfReadBack> {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const text: string[] = [];
    const sizes: Array<{ width: number; height: number }> = [];
    const links: PdfReadBack['links'] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown }>;
      links.push(annotations.filter((a) => a.subtype === 'Link').map((a) => ({ url: a.url, internal: !a.url && a.dest !== undefined })));
      const [x0, y0, x1, y1] = page.view;
      sizes.push({ width: x1 - x0, height: y1 - y0 });
    }
    const meta = await doc.getMetadata();
    const outline = ((await doc.getOutline()) ?? []) as PdfReadBack['outline'];
    return { pages: doc.numPages, text, info: meta.info as Record<string, unknown>, outline, links, sizes };
  } finally {
    await doc.destroy();
  }
}
