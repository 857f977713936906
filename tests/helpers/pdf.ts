import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReadBack {
  pages: number;
  /** Text of each page, items joined by spaces. */
  text: string[];
  info: Record<string, unknown>;
  outline: Array<{ title: string; items: unknown[] }>;
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
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      const [x0, y0, x1, y1] = page.view;
      sizes.push({ width: x1 - x0, height: y1 - y0 });
    }
    const meta = await doc.getMetadata();
    const outline = ((await doc.getOutline()) ?? []) as PdfReadBack['outline'];
    return { pages: doc.numPages, text, info: meta.info as Record<string, unknown>, outline, sizes };
  } finally {
    await doc.destroy();
  }
}
